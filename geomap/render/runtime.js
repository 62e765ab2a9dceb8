// In a frame (an article's iframe, Jupyter) the page's height is set by its content,
// so the map must not be sized by the viewport's height: that would grow without end.
if(window.parent!==window)document.documentElement.classList.add("gm-embedded");
function geomapInit(cfg){
"use strict";
var map=cfg.map,box=map.getContainer(),D=cfg.data,hint=document.getElementById("gm-hint"),timer=0;
map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
// The interface's words (geomap/data/ui): a template, or plural forms picked by the
// browser's own CLDR rules; always set as text, never as markup.
var W=D.ui||{},plural=window.Intl&&Intl.PluralRules?new Intl.PluralRules(D.lang||"en"):null;
function say_(key,vals,n){var t=W[key];if(t&&typeof t==="object")t=t[plural?plural.select(n):"other"]||t.other;
  return String(t||"").replace(/\{(\w+)\}/g,function(m,k){return k in vals?String(vals[k]):m;});}
var zin=box.querySelector(".leaflet-control-zoom-in"),zout=box.querySelector(".leaflet-control-zoom-out");
if(zin&&W.zoom_in){zin.title=W.zoom_in;zin.setAttribute("aria-label",W.zoom_in);}
if(zout&&W.zoom_out){zout.title=W.zoom_out;zout.setAttribute("aria-label",W.zoom_out);}
// The scroll wheel zooms only after a click: a page scrolled past the map keeps scrolling.
function say(on){if(!hint)return;hint.classList.toggle("gm-on",on);clearTimeout(timer);if(on)timer=setTimeout(function(){hint.classList.remove("gm-on");},1600);}
map.on("click",function(){map.scrollWheelZoom.enable();say(false);});
map.on("mouseout",function(){map.scrollWheelZoom.disable();});
box.addEventListener("wheel",function(){if(!map.scrollWheelZoom.enabled())say(true);},{passive:true});

// Popups sized to the map and panned below the controls (zoom buttons top left, the
// collapsed layer button top right, attribution bottom right), so nothing covers them.
function popOpts(){var s=map.getSize();return {maxWidth:Math.max(160,Math.min(300,s.x-90)),minWidth:Math.min(200,s.x-90),
maxHeight:Math.max(120,Math.min(340,s.y-160)),className:"gm-popup",autoPanPaddingTopLeft:L.point(12,88),autoPanPaddingBottomRight:L.point(12,40)};}
var opener=null,selected=null;
function open(layer,html,ll,from){
  opener=from||(layer.getElement&&layer.getElement())||null;
  L.popup(popOpts(),layer).setLatLng(ll).setContent(html).openOn(map);
}
map.on("popupopen",function(e){var s=e.popup._source;if(s&&s.closeTooltip)s.closeTooltip();});
map.on("popupclose",function(){unselect();});
box.addEventListener("keydown",function(e){if(e.key==="Escape"||e.key==="Esc"){var o=opener;map.closePopup();opener=null;if(o&&o.focus)o.focus();}});

// Places: one marker each, its shape telling its part in the story.
var SIZE={ring:14,dot:14,square:14,small:8};
function node(tag,cls,text){var el=document.createElement(tag);el.className=cls;if(text!==undefined)el.textContent=text;return el;}
var marks=D.places.map(function(p){
  var sz=SIZE[p.k]||10,wrap=node("span","gm-in"),dot=node("span","gm-dot gm-"+p.k);
  if(p.c)dot.style.background=p.c;dot.style.width=dot.style.height=sz+"px";
  wrap.appendChild(dot);var nm=node("span","gm-name",p.n);nm.setAttribute("aria-hidden","true");wrap.appendChild(nm);wrap.appendChild(node("span","gm-sr",p.s));
  var m=L.marker([p.y,p.x],{icon:L.divIcon({html:wrap,className:"gm-place gm-role-"+p.r,iconSize:[sz,sz],iconAnchor:[sz/2,sz/2]}),
    riseOnHover:true,zIndexOffset:p.r==="mentioned"?0:1000,title:""});
  m.bindTooltip(p.t,{direction:"top",offset:[0,-sz/2-2]});
  m.on("click",function(){open(m,p.h,m.getLatLng());});
  m.on("keypress",function(e){if(e.originalEvent.key==="Enter")open(m,p.h,m.getLatLng());});
  return m;});

// Routes: one arc each; the arrowhead is an SVG marker on the path's end, so it is
// neither an element of its own nor a hit target over the place it points at.
var heads={};
function head(path,r){
  var svg=path.ownerSVGElement,id="gm-ah-"+r.c.slice(1)+"-"+Math.round(r.w*10);
  if(!heads[id]||!svg.getElementById(id)){
    var NS="http://www.w3.org/2000/svg",defs=svg.querySelector("defs")||svg.insertBefore(document.createElementNS(NS,"defs"),svg.firstChild);
    var mk=document.createElementNS(NS,"marker");
    [["id",id],["markerUnits","userSpaceOnUse"],["orient","auto"],["refX","0"],["refY","0"],["markerWidth","1"],["markerHeight","1"],["overflow","visible"]].forEach(function(a){mk.setAttribute(a[0],a[1]);});
    var gap=9,len=8+1.1*r.w,half=4+0.7*r.w,tri=document.createElementNS(NS,"path");
    tri.setAttribute("d","M"+(-gap)+",0L"+(-gap-len)+","+half+"L"+(-gap-len*0.75)+",0L"+(-gap-len)+","+(-half)+"Z");
    tri.setAttribute("fill",r.c);tri.setAttribute("stroke","#fff");tri.setAttribute("stroke-width","1");tri.setAttribute("stroke-dasharray","none");
    mk.appendChild(tri);defs.appendChild(mk);heads[id]=true;}
  path.setAttribute("marker-end","url(#"+id+")");
}
var lines=D.routes.map(function(r,i){
  var l=L.polyline(r.p.length>1?r.p:r.p[0],{color:r.c,weight:r.w,opacity:r.o,dashArray:r.d,lineCap:"butt",
    className:"gm-arc",smoothFactor:0.5,noClip:true});
  l.on("add",function(){var el=l.getElement();if(el){el.setAttribute("data-route",i);head(el,r);}});
  l.bindTooltip(r.t,{sticky:true});
  l.on("click",function(e){select(i);open(l,r.h,e.latlng);});
  return l;});
function middle(r){var part=r.p.reduce(function(a,b){return b.length>a.length?b:a;});return L.latLng(part[Math.floor(part.length/2)]);}
function unselect(){if(selected===null)return;var l=lines[selected],r=D.routes[selected];l.setStyle({weight:r.w,opacity:r.o});
  box.classList.remove("gm-focus");var b=document.querySelector('.gm-move[aria-pressed="true"]');if(b)b.setAttribute("aria-pressed","false");selected=null;}
function select(i){unselect();selected=i;var l=lines[i],r=D.routes[i];l.setStyle({weight:r.w+3,opacity:1});l.bringToFront();box.classList.add("gm-focus");
  var el=l.getElement();if(el)el.classList.add("gm-sel");
  var b=document.querySelector('.gm-move[data-route="'+i+'"]');if(b)b.setAttribute("aria-pressed","true");}
map.on("popupclose",function(){var s=document.querySelector("path.gm-sel");if(s)s.classList.remove("gm-sel");});

// The opening view fits the story (movement ends, presences), not every place named.
if(D.frame){var s=map.getSize();map.fitBounds(D.frame,{paddingTopLeft:[52,52],paddingBottomRight:[Math.min(110,Math.round(s.x*0.18)),36],maxZoom:7,animate:false});}
else map.setView([25,20],2,{animate:false});
marks.forEach(function(m){m.addTo(cfg.places);});
lines.forEach(function(l){l.addTo(cfg.routes);});

// Labels: every position is read first, then every decision written, so the browser
// lays the page out once per pass, not once per label.
function overlaps(a,b){return a.left<b.right&&b.left<a.right&&a.top<b.bottom&&b.top<a.bottom;}
function declutter(){
  var els=[],i,el;
  for(i=0;i<marks.length;i++){el=marks[i].getElement();if(el&&el.isConnected)els.push(el);}
  for(i=0;i<els.length;i++)els[i].classList.remove("gm-label-off","gm-label-left");
  var cb=box.getBoundingClientRect(),taken=[],ctl=box.querySelectorAll(".leaflet-control"),dots=[],names=[];
  for(i=0;i<ctl.length;i++)taken.push(ctl[i].getBoundingClientRect());
  for(i=0;i<els.length;i++){dots.push(els[i].getBoundingClientRect());names.push(els[i].querySelector(".gm-name").getBoundingClientRect());}
  var inside=function(r){return r.left>=cb.left+2&&r.right<=cb.right-2&&r.top>=cb.top+2&&r.bottom<=cb.bottom-2;};
  var free=function(r){if(!inside(r))return false;for(var j=0;j<taken.length;j++){if(overlaps(r,taken[j]))return false;}return true;};
  taken=taken.concat(dots);
  var out=[];
  for(i=0;i<els.length;i++){var r=names[i],d=dots[i],w=r.right-r.left;
    var left={left:d.left-4-w,right:d.left-4,top:r.top,bottom:r.bottom};
    if(free(r)){taken.push(r);out.push("");}
    else if(free(left)){taken.push(left);out.push("gm-label-left");}
    else out.push("gm-label-off");}
  for(i=0;i<els.length;i++)if(out[i])els[i].classList.add(out[i]);
}

// The date filter keeps undated movements: they are marked undated, not hidden.
var sel=document.getElementById("gm-when"),status=document.getElementById("gm-when-status"),items=document.querySelectorAll("#gm-moves li");
function filter(){
  var lim=sel?sel.value:"",shown=0;
  D.routes.forEach(function(r,i){var ok=!lim||r.k===null||r.k<=lim,l=lines[i];if(ok)shown++;
    if(ok&&!cfg.routes.hasLayer(l))cfg.routes.addLayer(l);else if(!ok&&cfg.routes.hasLayer(l))cfg.routes.removeLayer(l);
    if(items[i])items[i].hidden=!ok;});
  if(status)status.textContent=lim?say_("status",{shown:shown,total:D.routes.length},D.routes.length):"";
}
if(sel){sel.addEventListener("change",function(){filter();declutter();});if(sel.value)filter();}

// The movement list drives the map.
var list=document.getElementById("gm-moves");
if(list)list.addEventListener("click",function(e){var b=e.target.closest(".gm-move");if(!b)return;
  var i=+b.getAttribute("data-route"),l=lines[i];if(!cfg.routes.hasLayer(l))return;
  if(!map.hasLayer(cfg.routes))map.addLayer(cfg.routes);
  select(i);open(l,D.routes[i].h,middle(D.routes[i]),b);});
document.addEventListener("keydown",function(e){if((e.key==="Escape"||e.key==="Esc")&&opener&&opener.classList&&opener.classList.contains("gm-move")){var o=opener;map.closePopup();opener=null;o.focus();}});

map.on("zoomend moveend overlayadd overlayremove",declutter);
var last=-1;
function post(){if(window.parent===window)return;var h=Math.ceil(document.body.getBoundingClientRect().height);
if(h!==last){last=h;window.parent.postMessage({type:"geomap:height",height:h},"*");}}
if(window.ResizeObserver)new ResizeObserver(post).observe(document.body);
window.addEventListener("load",post);window.addEventListener("resize",post);
var txt=document.getElementById("gm-text");if(txt)txt.addEventListener("toggle",post);
declutter();post();
window.geomap={map:map,places:marks,routes:lines,data:D,select:function(i){var b=document.querySelector('.gm-move[data-route="'+i+'"]');if(b)b.click();}};
window.geomapReady=performance.now();
document.dispatchEvent(new CustomEvent("geomap:ready",{detail:{ms:window.geomapReady}}));
}
