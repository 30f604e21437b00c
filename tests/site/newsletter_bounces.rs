//! `oneinfive newsletter bounces PATH`, the real binary against a fresh
//! database on both backends: the bounces and complaints of a Maildir or an
//! mbox suppress the addresses they name (hard bounces and complaints at
//! once, soft bounces at the third), the messages it does not understand
//! are listed, a mailbox read again counts nothing twice, and a path that
//! is no mailbox is refused by name.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
};

use time::{OffsetDateTime, format_description::well_known::Rfc2822};

use crate::common::{TestApp, both_backends, path_str, stderr, stdout};

/// Today's date as a mail writes it: the command counts soft bounces in
/// the last 30 days of the system's clock.
fn today() -> String {
    OffsetDateTime::now_utc().format(&Rfc2822).expect("a date")
}

/// A delivery status notification for one recipient, of today.
fn dsn(id: &str, recipient: &str, action: &str, status: &str) -> String {
    dsn_of(&today(), id, recipient, action, status)
}

/// A delivery status notification for one recipient, of `date`.
fn dsn_of(date: &str, id: &str, recipient: &str, action: &str, status: &str) -> String {
    format!(
        "Date: {date}\nFrom: MAILER-DAEMON@mx.example.net\nTo: bounces@oneinfive.example\n\
         Subject: Undelivered Mail Returned to Sender\nMessage-ID: <{id}@mx.example.net>\nMIME-Version: 1.0\n\
         Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n\
         --B\nContent-Type: text/plain\n\nYour message could not be delivered.\n\n\
         --B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\nArrival-Date: {date}\n\n\
         Final-Recipient: rfc822; {recipient}\nAction: {action}\nStatus: {status}\n\n\
         --B\nContent-Type: text/rfc822-headers\n\nFrom: newsletter@oneinfive.example\nTo: {recipient}\n\n--B--\n"
    )
}

/// An ARF abuse report returning the mail sent to `recipient`.
fn complaint(id: &str, recipient: &str) -> String {
    format!(
        "Date: {}\nFrom: fbl@isp.example.com\nTo: fbl@oneinfive.example\nSubject: FW: The newsletter\n\
         Message-ID: <{id}@isp.example.com>\nMIME-Version: 1.0\n\
         Content-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\n\n\
         --F\nContent-Type: text/plain\n\nAn abuse report.\n\n\
         --F\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nUser-Agent: Isp/1.0\nVersion: 1\n\n\
         --F\nContent-Type: message/rfc822\n\nFrom: newsletter@oneinfive.example\nTo: Reader <{recipient}>\n\
         Subject: The newsletter\n\nThe newsletter.\n\n--F--\n",
        today()
    )
}

const OUT_OF_OFFICE: &str = "From: someone@example.org\nTo: bounces@oneinfive.example\nSubject: Out of office\n\
    Message-ID: <ooo@example.org>\nContent-Type: text/plain\n\nI am away until Monday.\n";

/// An empty Maildir in the test's folder.
fn maildir(app: &TestApp) -> PathBuf {
    let root = app.dir.path().join("bounces");
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(root.join(sub)).expect("a Maildir");
    }
    root
}

/// A message delivered into a Maildir, as a mail server does.
fn deliver(maildir: &Path, name: &str, message: &str) {
    std::fs::write(maildir.join("tmp").join(name), message).expect("write");
    std::fs::rename(maildir.join("tmp").join(name), maildir.join("new").join(name)).expect("deliver");
}

/// Runs the command; its lines, once it succeeded.
fn bounces(app: &TestApp, path: &Path) -> BTreeSet<String> {
    let output = app.cli(&["newsletter", "bounces", path_str(path)]);
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output).lines().map(str::to_owned).collect()
}

async fn suppressions(app: &TestApp) -> Vec<(String, String)> {
    app.rows("SELECT email, reason FROM address_suppressions ORDER BY email").await
}

async fn soft_bounces(app: &TestApp, email: &str) -> i64 {
    let rows: Vec<(i64,)> = app.rows(&format!("SELECT count(*) FROM soft_bounces WHERE email = '{email}'")).await;
    rows[0].0
}

fn pairs(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

both_backends! {
    async fn a_maildirs_bounces_and_complaints_suppress_whom_they_name_once(app) {
        let mailbox = maildir(app);
        deliver(&mailbox, "1.hard", &dsn("hard-1", "Gone@Example.net", "failed", "5.1.1"));
        deliver(&mailbox, "2.soft", &dsn("soft-1", "full@example.org", "failed", "4.2.2"));
        deliver(&mailbox, "3.complaint", &complaint("arf-1", "annoyed@example.com"));
        deliver(&mailbox, "4.delayed", &dsn("delay-1", "slow@example.com", "delayed", "4.4.1"));
        deliver(&mailbox, "5.plain", OUT_OF_OFFICE);
        let first = bounces(app, &mailbox);
        let summary = format!(
            "{}: 5 messages, 0 read before, 1 not understood; addresses: 2 suppressed, 1 counted (soft bounces), \
             0 too old to count, 0 already suppressed, 1 nothing to do",
            mailbox.display()
        );
        let expected = [
            "gone@example.net: hard bounce (5.1.1): suppressed",
            "full@example.org: soft bounce (4.2.2): counted, 1 of 3 within 30 days",
            "annoyed@example.com: complaint (abuse): suppressed",
            "slow@example.com: delayed (4.4.1): nothing to do",
            "not understood: new/5.plain (Subject: Out of office): not a report (text/plain)",
            summary.as_str(),
        ];
        assert_eq!(first, expected.iter().map(|l| (*l).to_owned()).collect(), "{first:#?}");
        let suppressed = pairs(&[("annoyed@example.com", "complained"), ("gone@example.net", "bounced")]);
        assert_eq!(suppressions(app).await, suppressed);
        assert_eq!(soft_bounces(app, "full@example.org").await, 1);

        // Read again: nothing counts twice; what is not understood is listed again.
        let again = bounces(app, &mailbox);
        let summary = format!(
            "{}: 5 messages, 4 read before, 1 not understood; addresses: 0 suppressed, 0 counted (soft bounces), \
             0 too old to count, 0 already suppressed, 0 nothing to do",
            mailbox.display()
        );
        let expected = ["not understood: new/5.plain (Subject: Out of office): not a report (text/plain)", summary.as_str()];
        assert_eq!(again, expected.iter().map(|l| (*l).to_owned()).collect(), "{again:#?}");
        assert_eq!(suppressions(app).await, suppressed);
        assert_eq!(soft_bounces(app, "full@example.org").await, 1);

        // Two more soft bounces: the third suppresses; a new hard bounce of a
        // suppressed address changes nothing.
        deliver(&mailbox, "6.soft", &dsn("soft-2", "full@example.org", "failed", "4.2.2"));
        deliver(&mailbox, "7.soft", &dsn("soft-3", "full@example.org", "failed", "4.2.2"));
        deliver(&mailbox, "8.hard", &dsn("hard-2", "gone@example.net", "failed", "5.1.1"));
        let third = bounces(app, &mailbox);
        for line in [
            "full@example.org: soft bounce (4.2.2): counted, 2 of 3 within 30 days",
            "full@example.org: soft bounce (4.2.2): suppressed (3 soft bounces within 30 days)",
            "gone@example.net: hard bounce (5.1.1): already suppressed",
        ] {
            assert!(third.contains(line), "{line:?} in {third:#?}");
        }
        let all = pairs(&[("annoyed@example.com", "complained"), ("full@example.org", "soft_bounces"), ("gone@example.net", "bounced")]);
        assert_eq!(suppressions(app).await, all);
        assert_eq!(soft_bounces(app, "full@example.org").await, 0, "forgotten once suppressed");
        let hashes: Vec<(String,)> = app.rows("SELECT hash FROM bounce_messages").await;
        assert_eq!(hashes.len(), 7, "only the reports understood are remembered");
        assert!(hashes.iter().all(|(hash,)| hash.len() == 64 && !hash.contains('@')));
    }

    async fn an_mbox_is_read_and_what_is_no_mailbox_is_refused_by_name(app) {
        let old = (OffsetDateTime::now_utc() - time::Duration::days(40)).format(&Rfc2822).expect("a date");
        let mbox = app.write_file(
            "bounces.mbox",
            format!(
                "From MAILER-DAEMON Mon Dec  7 09:12:03 2026\n{}\nFrom fbl@isp.example.com Mon Dec  7 10:00:00 2026\n{}\n\
                 From MAILER-DAEMON Mon Oct 26 09:12:03 2026\n{}\n",
                dsn("hard-1", "gone@example.net", "failed", "5.1.1"),
                complaint("arf-1", "annoyed@example.com"),
                dsn_of(&old, "soft-old", "full@example.org", "failed", "4.2.2")
            )
            .as_bytes(),
        );
        let lines = bounces(app, &mbox);
        assert!(lines.contains("gone@example.net: hard bounce (5.1.1): suppressed"), "{lines:#?}");
        assert!(lines.contains("full@example.org: soft bounce (4.2.2): from before the last 30 days, not counted"), "{lines:#?}");
        assert_eq!(soft_bounces(app, "full@example.org").await, 0);
        assert!(lines.contains("annoyed@example.com: complaint (abuse): suppressed"), "{lines:#?}");
        let suppressed = pairs(&[("annoyed@example.com", "complained"), ("gone@example.net", "bounced")]);
        assert_eq!(suppressions(app).await, suppressed);
        assert!(bounces(app, &mbox).iter().any(|line| line.contains(": 3 messages, 3 read before, 0 not understood;")));

        let missing = app.dir.path().join("no-such-mailbox");
        let notes = app.write_file("notes.txt", b"Dear all,\n");
        for (path, why) in [
            (missing, "no such file or folder"),
            (notes, "neither a Maildir nor an mbox"),
            (app.dir.path().to_owned(), "a folder but not a Maildir"),
        ] {
            let output = app.cli(&["newsletter", "bounces", path_str(&path)]);
            assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
            let said = stderr(&output);
            assert!(said.contains(path_str(&path)) && said.contains(why), "{said}");
        }
        assert_eq!(suppressions(app).await, suppressed);
    }
}
