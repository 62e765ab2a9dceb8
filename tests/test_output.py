"""Tests for geomap.output: atomic writes, cleanup on errors and kills, input guard."""
from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geomap.errors import OutputError
from geomap.output import atomic_write, atomic_writer, guard_inputs, temp_prefix

ROOT = Path(__file__).parent.parent


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


def test_write_text_and_bytes(tmp_path):
    atomic_write(tmp_path / "map.html", "<p>Jakarta – Surabaya</p>\n")
    assert (tmp_path / "map.html").read_text(encoding="utf-8") == "<p>Jakarta – Surabaya</p>\n"
    atomic_write(tmp_path / "blob.bin", b"\x00\x01\x02")
    assert (tmp_path / "blob.bin").read_bytes() == b"\x00\x01\x02"
    assert leftovers(tmp_path) == []


def test_overwrites_existing_and_creates_folders(tmp_path):
    target = tmp_path / "a" / "b" / "out.geojson"
    atomic_write(target, "old")
    atomic_write(target, "new")
    assert target.read_text() == "new"
    assert leftovers(target.parent) == []


def test_writer_context_manager(tmp_path):
    target = tmp_path / "places.csv"
    with atomic_writer(target, "w", newline="") as fh:
        fh.write("name,lat\r\n")
        # Nothing is visible under the final name until the block ends.
        assert not target.exists()
        fh.write("Ambon,-3.69\r\n")
    assert target.read_bytes() == b"name,lat\r\nAmbon,-3.69\r\n"


def test_new_file_gets_normal_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.html", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.html").stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "shared.html"
    target.write_text("old")
    target.chmod(0o664)
    atomic_write(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


def test_symlink_target_is_replaced_and_link_kept(tmp_path):
    real = tmp_path / "real.html"
    real.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_exception_keeps_old_content_and_removes_temp(tmp_path):
    target = tmp_path / "map.html"
    target.write_text("old map")
    with pytest.raises(RuntimeError, match="boom"):
        with atomic_writer(target) as fh:
            fh.write("half a new map")
            raise RuntimeError("boom")
    assert target.read_text() == "old map"
    assert leftovers(tmp_path) == []


def test_keyboard_interrupt_cleans_up(tmp_path):
    target = tmp_path / "map.html"
    with pytest.raises(KeyboardInterrupt):
        with atomic_writer(target) as fh:
            fh.write("x" * 100_000)
            raise KeyboardInterrupt
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_disk_full_becomes_output_error(tmp_path):
    with pytest.raises(OutputError, match="cannot write .*No space left"):
        with atomic_writer(tmp_path / "out.html"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert leftovers(tmp_path) == []


def test_other_os_errors_pass_through(tmp_path):
    # An error from the code producing the data is its own, not an output problem.
    with pytest.raises(FileNotFoundError):
        with atomic_writer(tmp_path / "out.html"):
            open(tmp_path / "missing-gazetteer.tsv")
    assert leftovers(tmp_path) == []


def test_folder_as_target_is_output_error(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        atomic_write(tmp_path, "x")


def test_unwritable_folder_is_output_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(OutputError, match="cannot write"):
        atomic_write(blocker / "out.html", "x")


def test_bad_mode_rejected(tmp_path):
    with pytest.raises(ValueError):
        with atomic_writer(tmp_path / "x", "a"):
            pass


def test_dash_means_stdout(capsys):
    atomic_write("-", "to stdout\n")
    with atomic_writer("-") as fh:
        fh.write("again\n")
    assert capsys.readouterr().out == "to stdout\nagain\n"


def test_dash_bytes_to_stdout():
    code = "from geomap.output import atomic_write; atomic_write('-', b'raw\\x00bytes')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, cwd=ROOT)
    assert out.stdout == b"raw\x00bytes"


SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from geomap.output import atomic_writer

    with atomic_writer(sys.argv[1]) as fh:
        for i in range(10_000):
            fh.write("Jayapura,-2.53,140.72\\n" * 1000)
            fh.flush()
            if i == 5:
                print("writing", flush=True)
            time.sleep(0.01)
    """
)


@pytest.mark.parametrize("had_old", [False, True])
def test_sigkill_mid_write_leaves_no_partial_file(tmp_path, had_old):
    target = tmp_path / "out" / "map.html"
    if had_old:
        target.parent.mkdir()
        target.write_text("old complete map")
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        # Data is really on disk under the temporary name at this point.
        temps = leftovers(target.parent)
        assert len(temps) == 1 and (target.parent / temps[0]).stat().st_size > 0
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    if had_old:
        assert target.read_text() == "old complete map"
    else:
        assert not target.exists()
    # A kill cannot be cleaned up after: the only leftover is the documented,
    # hidden, clearly named temporary file.
    for name in leftovers(target.parent):
        assert name.startswith(temp_prefix(target)) and name.startswith(".map.html.tmp-")


def test_sigint_mid_write_cleans_up(tmp_path):
    target = tmp_path / "map.html"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert "KeyboardInterrupt" in err
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- guard


def test_guard_refuses_an_input_file(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Kapal tiba di Natuna.")
    with pytest.raises(OutputError, match="refusing to overwrite input"):
        guard_inputs(story, [tmp_path / "other.txt", story])
    # Spelled differently, same file.
    with pytest.raises(OutputError, match="refusing to overwrite input"):
        guard_inputs(tmp_path / "." / "story.txt", [str(story)])


def test_guard_sees_links(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Kapal tiba di Natuna.")
    (tmp_path / "hard.txt").hardlink_to(story)
    (tmp_path / "soft.txt").symlink_to(story)
    for alias in ("hard.txt", "soft.txt"):
        with pytest.raises(OutputError):
            guard_inputs(tmp_path / alias, [story])


def test_guard_allows_other_outputs(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("x")
    guard_inputs(tmp_path / "map.html", [story, "-", "https://example.org/story.txt"])
    guard_inputs("-", [story])
    guard_inputs(tmp_path / "new.txt", [tmp_path])


def test_guard_file_read_from_input_folder(tmp_path):
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "sub" / "story.html").write_text("<p>x</p>")
    (news / "notes.csv").write_text("a,b")
    with pytest.raises(OutputError, match="read from folder"):
        guard_inputs(news / "sub" / "story.html", [news], glob="*.txt|*.html")
    # Not matched by the glob, or not existing yet: not an input of this run.
    guard_inputs(news / "notes.csv", [news], glob="*.txt|*.html")
    guard_inputs(news / "map.html", [news], glob="*.txt|*.html")
