//! The command line: exit codes, argument handling, and every kind of bad input.
//!
//! Report content is covered by the corpus snapshots; these tests check what a pipeline sees:
//! the exit status, what goes to stderr, and that good sources are still processed.

#![allow(clippy::expect_used, clippy::panic, clippy::indexing_slicing, reason = "test harness")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run claimcheck")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

const GOOD: &str = "---\npublished: 2024-09-11\n---\nThe fire killed 14 workers.\n";

#[test]
fn check_exit_codes_gate_on_contradictions() {
    let agree = claimcheck(&["check", "corpus/cases/all-agree"]);
    assert_eq!(agree.status.code(), Some(0), "{}", stderr(&agree));
    let conflict = claimcheck(&["check", "corpus/cases/same-day-contradiction"]);
    assert_eq!(conflict.status.code(), Some(1), "{}", stderr(&conflict));
    assert!(stdout(&conflict).contains("error[contradiction]"));
    let missing = claimcheck(&["check", "corpus/cases/no-such-case"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("corpus/cases/no-such-case"), "{}", stderr(&missing));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(claimcheck(&["check"]).status.code(), Some(2));
    assert_eq!(claimcheck(&["check", "--format", "yaml", "corpus"]).status.code(), Some(2));
    assert_eq!(claimcheck(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn json_formats_are_machine_readable() {
    let out = claimcheck(&["extract", "--format", "json", "corpus/cases/all-agree"]);
    assert_eq!(out.status.code(), Some(0));
    for line in stdout(&out).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object per line");
        for field in [
            "source",
            "start",
            "end",
            "line",
            "column",
            "text",
            "kind",
            "low",
            "high",
            "qualifier",
            "unit",
            "change",
            "subject",
            "subject_text",
        ] {
            assert!(v.get(field).is_some(), "missing {field} in {line}");
        }
    }
    let out = claimcheck(&["check", "--format", "json", "corpus/cases/all-agree"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    assert_eq!(v["version"], 1);
    assert!(v["findings"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn output_is_identical_whatever_the_job_count() {
    let one = claimcheck(&["check", "--format", "json", "--jobs", "1", "corpus/cases"]);
    let two = claimcheck(&["check", "--format", "json", "--jobs", "2", "corpus/cases"]);
    assert_eq!(one.stdout, two.stdout);
    let one = claimcheck(&["extract", "--format", "json", "-j", "1", "corpus/cases"]);
    let two = claimcheck(&["extract", "--format", "json", "-j", "2", "corpus/cases"]);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn invalid_utf8_names_the_file_and_offset_and_lossy_replaces() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = write(dir.path(), "bad.txt", b"Seven people \xff\xfe were held.\n");
    let out = claimcheck(&["extract", s(&bad)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad.txt: not valid UTF-8: invalid byte sequence at byte offset 13"),
        "{}",
        stderr(&out)
    );
    let lossy = claimcheck(&["extract", "--lossy", s(&bad)]);
    assert_eq!(lossy.status.code(), Some(0));
    assert!(stderr(&lossy).contains("replaced 2 invalid bytes"), "{}", stderr(&lossy));
    assert!(stdout(&lossy).contains("Seven people"), "{}", stdout(&lossy));
}

#[test]
fn good_sources_are_still_reported_unless_strict() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.txt", GOOD.as_bytes());
    write(dir.path(), "b.txt", b"\x00\x01binary");
    let out = claimcheck(&["extract", s(dir.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("14 workers"));
    assert!(
        stderr(&out).contains("b.txt: binary file (NUL byte at byte offset 0)"),
        "{}",
        stderr(&out)
    );
    let strict = claimcheck(&["extract", "--strict", s(dir.path())]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(stdout(&strict).is_empty(), "strict mode reports nothing: {}", stdout(&strict));
    // Nor does it replace an existing --output file, whether a file is missing or unreadable.
    let target = dir.path().join("claims.out");
    std::fs::write(&target, "old claims").expect("write");
    let good = dir.path().join("a.txt");
    let missing = dir.path().join("missing.txt");
    for bad in [dir.path().join("b.txt"), missing] {
        let strict = claimcheck(&["extract", "--strict", "-o", s(&target), s(&good), s(&bad)]);
        assert_eq!(strict.status.code(), Some(2), "{}", stderr(&strict));
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old claims");
    }
    let strict = claimcheck(&["extract", "--strict", "-o", s(&target), s(&good)]);
    assert_eq!(strict.status.code(), Some(0), "{}", stderr(&strict));
    assert!(std::fs::read_to_string(&target).expect("read").contains("14"));
}

/// Runs claimcheck with its stdout a pipe whose reader is already gone, as in
/// `claimcheck … | head` once `head` has what it wants.
fn into_closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run claimcheck");
    drop(child.stdout.take());
    child.wait_with_output().expect("wait for claimcheck")
}

#[test]
fn a_closed_pipe_is_no_error_and_keeps_the_verdict() {
    for (args, code) in [
        (&["extract", "--format", "json", "corpus/cases/all-agree"][..], 0),
        (&["extract", "corpus/cases/all-agree"][..], 0),
        (&["check", "corpus/cases/all-agree"][..], 0),
        (&["check", "--format", "json", "corpus/cases/same-day-contradiction"][..], 1),
        (&["check", "--format", "markdown", "corpus/cases/same-day-contradiction"][..], 1),
    ] {
        let out = into_closed_pipe(args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("error"), "{args:?}: {}", stderr(&out));
    }
    // A load error is still reported, and still decides the status.
    let out = into_closed_pipe(&["extract", "corpus/cases/all-agree", "no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-file.txt"), "{}", stderr(&out));
}

#[test]
fn empty_missing_and_folder_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let empty = write(dir.path(), "empty.txt", b"");
    let out = claimcheck(&["extract", s(&empty)]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("empty.txt: empty article, no claims"));
    let nothing = tempfile::tempdir().expect("temp dir");
    write(nothing.path(), "notes.md", b"# not an article");
    let out = claimcheck(&["extract", s(nothing.path())]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no articles (*.txt files) in this folder"), "{}", stderr(&out));
    let out = claimcheck(&["extract", "/definitely/not/here.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/definitely/not/here.txt"));
}

#[test]
fn malformed_front_matter_names_the_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let open = write(dir.path(), "open.txt", b"---\npublished: 2024-01-01\nFour people died.\n");
    let out = claimcheck(&["check", s(&open)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("open.txt:1: front matter line 1: front matter opened here is never closed"),
        "{}",
        stderr(&out)
    );
    let date =
        write(dir.path(), "date.txt", b"---\noutlet: X\npublished: 2024-02-30\n---\nBody.\n");
    let out = claimcheck(&["check", s(&date)]);
    assert!(stderr(&out).contains("date.txt:3:"), "{}", stderr(&out));
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.txt");
    let f = std::fs::File::create(&big).expect("create");
    // A sparse 100 MB file with a single line: refused by size, never read into memory.
    f.set_len(100 * 1024 * 1024).expect("set_len");
    let out = claimcheck(&["extract", s(&big)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out)
            .contains("big.txt: file is 104857600 bytes, larger than --max-file-size 67108864"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("report.json");
    std::fs::write(&target, "old report").expect("write");
    let out =
        claimcheck(&["check", "--format", "json", "-o", s(&target), "corpus/cases/all-agree"]);
    assert_eq!(out.status.code(), Some(0));
    let written = std::fs::read_to_string(&target).expect("read");
    assert!(written.starts_with('{') && written.ends_with("}\n"));
    // A failing run (the output folder does not exist) leaves no partial file behind.
    let nowhere = dir.path().join("missing-dir").join("r.json");
    let out = claimcheck(&["check", "-o", s(&nowhere), "corpus/cases/all-agree"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!nowhere.exists());
    let leftovers: Vec<_> =
        std::fs::read_dir(dir.path()).expect("ls").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(leftovers.len(), 1, "temporary files left: {leftovers:?}");
}

#[test]
fn directory_where_a_file_was_expected_is_read_as_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.txt", GOOD.as_bytes());
    let out = claimcheck(&["extract", s(dir.path())]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("a.txt:4:17"), "{}", stdout(&out));
}

#[test]
fn output_to_a_device_writes_in_place() {
    // Renaming a temporary file over /dev/null would replace the device.
    let out =
        claimcheck(&["check", "--format", "json", "-o", "/dev/null", "corpus/cases/all-agree"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let meta = std::fs::metadata("/dev/null").expect("/dev/null");
    assert!(!meta.is_file(), "/dev/null was replaced by a file");
}
