use time::macros::datetime;

use super::*;

const HARD: &str = include_str!("samples/hard_bounce.eml");
const SOFT: &str = include_str!("samples/soft_bounce.eml");
const DELAYED: &str = include_str!("samples/delayed.eml");
const COMPLAINT: &str = include_str!("samples/complaint.eml");
const NOT_A_REPORT: &str = include_str!("samples/not_a_report.eml");

fn address(text: &str) -> EmailAddress {
    EmailAddress::parse(text).expect("an address")
}

fn notices(raw: &str) -> Vec<Notice> {
    read(raw.as_bytes()).report.expect("understood").notices
}

fn why(raw: &str) -> String {
    read(raw.as_bytes()).report.expect_err("not understood").to_string()
}

#[test]
fn a_hard_bounce_names_the_original_recipient_in_lower_case_at_its_arrival() {
    let [notice] = notices(HARD).try_into().expect("one notice");
    assert_eq!(notice.address, address("gone.away@example.net"));
    assert_eq!(notice.what, What::HardBounce { status: "5.1.1".to_owned() });
    assert_eq!(notice.at, Some(datetime!(2026-12-07 08:12:01 UTC)));
}

#[test]
fn a_soft_bounce_is_a_failure_with_a_transient_status_at_its_last_attempt() {
    let [notice] = notices(SOFT).try_into().expect("one notice");
    assert_eq!(notice.address, address("full.box@example.org"));
    assert_eq!(notice.what, What::SoftBounce { status: "4.2.2".to_owned() });
    assert_eq!(notice.at, Some(datetime!(2026-12-08 06:29:58 UTC)));
}

#[test]
fn a_delay_is_nothing_to_act_on() {
    let [notice] = notices(DELAYED).try_into().expect("one notice");
    assert_eq!(notice.address, address("slow@example.com"));
    assert_eq!(notice.what, What::Nothing { said: "delayed (4.4.1)".to_owned() });
}

#[test]
fn a_complaint_names_the_returned_mails_recipient() {
    let reading = read(COMPLAINT.as_bytes());
    assert_eq!(reading.subject.as_deref(), Some("FW: La lettre de ONE in FIVE"));
    let [notice] = reading.report.expect("understood").notices.try_into().expect("one notice");
    assert_eq!(notice.address, address("annoyed@example.com"));
    assert_eq!(notice.what, What::Complaint { feedback_type: "abuse".to_owned() });
    assert_eq!(notice.at, Some(datetime!(2026-12-09 13:00:00 UTC)));
}

#[test]
fn a_complaints_original_rcpt_to_comes_first_and_its_headers_alone_do() {
    let named = COMPLAINT.replace("Version: 1\n", "Version: 1\nOriginal-Rcpt-To: <Other@Example.com>\n");
    assert_eq!(notices(&named)[0].address, address("other@example.com"));
    let headers_only = COMPLAINT.replace("Content-Type: message/rfc822", "Content-Type: text/rfc822-headers");
    assert_eq!(notices(&headers_only)[0].address, address("annoyed@example.com"));
}

#[test]
fn feedback_that_is_no_complaint_acts_on_nothing() {
    let not_spam = COMPLAINT.replace("Feedback-Type: abuse", "Feedback-Type: not-spam");
    assert_eq!(notices(&not_spam)[0].what, What::Nothing { said: "feedback not-spam".to_owned() });
    let unknown = COMPLAINT.replace("Feedback-Type: abuse", "Feedback-Type: opinion");
    assert_eq!(why(&unknown), "feedback of an unknown type (opinion)");
}

#[test]
fn a_message_that_is_no_report_is_not_understood_with_its_subject() {
    let reading = read(NOT_A_REPORT.as_bytes());
    assert_eq!(reading.subject.as_deref(), Some("Out of office"));
    assert_eq!(reading.report.expect_err("no report").to_string(), "not a report (text/plain)");
    assert_eq!(why("just some words"), "not a report (no Content-Type)");
    assert_eq!(read(b"").report.expect_err("empty").to_string(), "not a mail message (no headers)");
}

#[test]
fn reports_that_do_not_say_plainly_are_not_understood() {
    let other_kind = HARD.replace("report-type=delivery-status", "report-type=disposition-notification");
    assert_eq!(why(&other_kind), "a report of another kind (disposition-notification)");
    let no_status_part = HARD.replace("Content-Type: message/delivery-status", "Content-Type: text/plain");
    assert_eq!(why(&no_status_part), "no message/delivery-status part, or not text");
    let success = HARD.replace("Status: 5.1.1", "Status: 2.0.0");
    assert_eq!(why(&success), "gone.away@example.net: action \"failed\" with status 2.0.0");
    let no_status = HARD.replace("Status: 5.1.1\n", "");
    assert_eq!(why(&no_status), "gone.away@example.net: no status, or not one (\"\")");
    let odd_action = SOFT.replace("Action: failed", "Action: vanished");
    assert_eq!(why(&odd_action), "full.box@example.org: action \"vanished\" with status 4.2.2");
    let x400 = SOFT.replace("rfc822;full.box@example.org", "x400; C=FR;A=ADMD");
    assert_eq!(why(&x400), "a recipient not named as rfc822 (\"x400; C=FR;A=ADMD\")");
    let no_address = SOFT.replace("rfc822;full.box@example.org", "rfc822;full box");
    assert_eq!(why(&no_address), "not an address (\"full box\")");
    let unnamed = DELAYED.replace("Final-Recipient: rfc822; slow@example.com\n", "");
    assert_eq!(why(&unnamed), "a recipient without Final-Recipient");
    let no_recipient = DELAYED
        .replace("Final-Recipient: rfc822; slow@example.com\nAction: delayed\nStatus: 4.4.1\n", "")
        .replace("Will-Retry-Until: Sat, 12 Dec 2026 09:12:01 +0100 (CET)\n", "");
    assert_eq!(why(&no_recipient), "its delivery status names no recipient");
    let headless = SOFT.replace("Reporting-MTA: dns; relay.example.org\n\n", "")
        .replace("--=_relay_1765175400\nContent-type: message/delivery-status\n\n", "--=_relay_1765175400\nContent-type: message/delivery-status\n\nFinal-Recipient: rfc822;first@example.org\nAction: failed\nStatus: 5.1.1\n\n");
    assert_eq!(why(&headless), "its delivery status begins with a recipient, not the reporting server");
    let garbage = SOFT.replace("Action: failed", "this is not a field");
    assert_eq!(why(&garbage), "line 3 of its report is not a field");
    let anonymous = COMPLAINT.replace("To: Annoyed Reader <Annoyed@Example.com>\n", "");
    assert_eq!(why(&anonymous), "it names no recipient (no Original-Rcpt-To, no returned mail's To)");
}

#[test]
fn a_report_is_known_by_its_message_id_else_by_its_bytes() {
    let first = read(HARD.as_bytes()).report.expect("understood").fingerprint;
    let same_id = HARD.replace("I'm sorry", "We are sorry");
    assert_eq!(read(same_id.as_bytes()).report.expect("understood").fingerprint, first);
    let other_id = HARD.replace("<20261207081203.1A2B3C@mx.example.net>", "<another@mx.example.net>");
    assert_ne!(read(other_id.as_bytes()).report.expect("understood").fingerprint, first);
    let no_id = HARD.replace("Message-Id: <20261207081203.1A2B3C@mx.example.net>\n", "");
    let by_bytes = read(no_id.as_bytes()).report.expect("understood").fingerprint;
    assert!(hex::is_hex(&by_bytes, 64) && by_bytes != first, "{by_bytes}");
}

#[test]
fn fields_unfold_and_group() {
    let groups = fields::groups("A: 1\r\nB: two\r\n  lines\r\n\r\n\r\nC: 3 (three)\n").expect("fields");
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].get("b"), Some("two lines"));
    assert_eq!(fields::first_word(groups[1].get("c").expect("c")), "3");
    assert!(fields::groups(" folded first\n").is_err());
    assert!(fields::groups("No colon here\n").is_err());
}

#[test]
fn statuses_have_a_class_and_two_numbers() {
    for (status, class) in [("5.1.1", Some(5)), ("4.2.2", Some(4)), ("2.0.0", Some(2)), ("5.7.26", Some(5))] {
        assert_eq!(status_class(status), class, "{status}");
    }
    for bad in ["", "5", "5.1", "3.1.1", "5.1.1.1", "5.x.1", "550", "5..1", "5.1.1234"] {
        assert_eq!(status_class(bad), None, "{bad:?}");
    }
}

fn mbox_of(messages: &[&str]) -> String {
    messages.iter().map(|m| format!("From MAILER-DAEMON Mon Dec  7 09:12:03 2026\n{m}\n")).collect()
}

#[test]
fn an_mbox_is_read_message_by_message() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("bounces");
    std::fs::write(&path, mbox_of(&[HARD, NOT_A_REPORT, COMPLAINT])).expect("write");
    let mailbox = Mailbox::open(&path).expect("an mbox");
    assert_eq!(mailbox, Mailbox::Mbox(path.clone()));
    let messages: Vec<MailboxMessage> = mailbox.messages().expect("messages").collect();
    let places: Vec<&str> = messages.iter().map(|m| m.place.as_str()).collect();
    assert_eq!(places, ["message 1", "message 2", "message 3"]);
    let readings: Vec<Reading> = messages.iter().map(|m| read(m.contents.as_ref().expect("bytes"))).collect();
    assert!(matches!(&readings[0].report, Ok(r) if r.notices[0].address == address("gone.away@example.net")));
    assert!(readings[1].report.is_err());
    assert!(matches!(&readings[2].report, Ok(r) if r.notices[0].address == address("annoyed@example.com")));
}

#[test]
fn a_maildir_is_read_in_new_and_cur() {
    let dir = tempfile::tempdir().expect("a folder");
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
    }
    std::fs::write(dir.path().join("new/1765095123.M1P1.host"), HARD).expect("write");
    std::fs::write(dir.path().join("cur/1765095000.M2P1.host:2,S"), SOFT).expect("write");
    let mailbox = Mailbox::open(dir.path()).expect("a Maildir");
    let mut places: Vec<String> = mailbox.messages().expect("messages").map(|m| m.place).collect();
    places.sort();
    assert_eq!(places, ["cur/1765095000.M2P1.host:2,S", "new/1765095123.M1P1.host"]);
}

#[test]
fn what_is_no_mailbox_is_told_with_its_path() {
    let dir = tempfile::tempdir().expect("a folder");
    let missing = dir.path().join("missing");
    let error = Mailbox::open(&missing).expect_err("missing");
    assert_eq!(error.to_string(), format!("{}: no such file or folder", missing.display()));
    assert!(matches!(Mailbox::open(dir.path()), Err(MailboxError { problem: Problem::NotMaildir, .. })));
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Dear all,\n").expect("write");
    assert!(matches!(Mailbox::open(&text), Err(MailboxError { problem: Problem::NotMbox, .. })));
    let empty = dir.path().join("empty");
    std::fs::write(&empty, "").expect("write");
    assert_eq!(Mailbox::open(&empty).expect("an empty mbox").messages().expect("messages").count(), 0);
}
