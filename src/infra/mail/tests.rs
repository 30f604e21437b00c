use super::*;

fn mail(recipient: &str) -> SentMail {
    SentMail {
        sender: "site@example.org".to_owned(),
        recipient: recipient.to_owned(),
        message: b"Subject: hi\r\n\r\nHello.\r\n".to_vec(),
    }
}

#[tokio::test]
async fn the_memory_outbox_wakes_whoever_waits_and_every_clone_sees_the_same_mails() {
    let outbox = MemoryOutbox::new();
    let clone = outbox.clone();
    let waiting = tokio::spawn(async move { clone.wait_for(2, StdDuration::from_secs(10)).await });
    outbox.keep(mail("a@example.org"));
    outbox.keep(mail("b@example.org"));
    let mails = waiting.await.expect("the waiting task").expect("two mails");
    assert_eq!(mails, vec![mail("a@example.org"), mail("b@example.org")]);
    assert_eq!(outbox.sent(), mails);
    // Already there: no wait at all.
    let again = outbox.wait_for(1, StdDuration::ZERO).await.expect("already sent");
    assert_eq!(again.len(), 2);
}

#[tokio::test]
async fn waiting_for_more_mails_than_are_sent_gives_up_at_the_deadline() {
    let outbox = MemoryOutbox::new();
    outbox.keep(mail("a@example.org"));
    let error = outbox.wait_for(2, StdDuration::from_millis(20)).await.expect_err("only one mail");
    assert_eq!((error.wanted, error.sent), (2, 1));
    assert_eq!(error.to_string(), "waited 20ms for 2 mails: 1 were sent");
}

#[test]
fn the_outbox_folder_keeps_every_mail_and_each_once() {
    let dir = tempfile::tempdir().expect("a folder");
    let first = write_mail_file(dir.path(), 7, b"first").expect("written");
    assert_eq!(first.file_name().and_then(|n| n.to_str()), Some("00000007.eml"));
    // The same mail again (a crash before it was recorded): one file.
    assert_eq!(write_mail_file(dir.path(), 7, b"first").expect("written"), first);
    // Another mail under the same number (an erased subscriber's): both kept.
    let second = write_mail_file(dir.path(), 7, b"second").expect("written");
    assert_eq!(second.file_name().and_then(|n| n.to_str()), Some("00000007-2.eml"));
    assert_eq!(std::fs::read(&first).expect("read"), b"first");
    assert_eq!(std::fs::read(&second).expect("read"), b"second");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 2);
}

#[tokio::test]
async fn a_mailer_with_a_memory_outbox_keeps_the_mail_with_its_recipient() {
    let outbox = MemoryOutbox::new();
    let mut config =
        MailConfig::new(Some("smtp://127.0.0.1:1".into()), "Site <site@example.org>", PathBuf::from("unused"))
            .expect("config");
    config.memory = Some(outbox.clone());
    let mailer = Mailer::new(config).expect("mailer");
    assert!(!mailer.writes_files());
    mailer.send(1, "reader@example.org", b"Subject: hi\r\n\r\nHello.\r\n").await.expect("kept");
    assert_eq!(outbox.sent(), vec![mail("reader@example.org")]);
}

#[tokio::test]
async fn mails_leave_from_the_bounce_address_when_there_is_one() {
    let outbox = MemoryOutbox::new();
    let mut config = MailConfig::new(None, "Site <site@example.org>", PathBuf::from("unused")).expect("config");
    config.memory = Some(outbox.clone());
    config.bounce = Some("bounces@example.org".parse().expect("an address"));
    let mailer = Mailer::new(config).expect("mailer");
    mailer.send(1, "reader@example.org", b"Subject: hi\r\n\r\nHello.\r\n").await.expect("kept");
    let sent = outbox.sent();
    assert_eq!(
        sent.iter().map(|m| (m.sender.as_str(), m.recipient.as_str())).collect::<Vec<_>>(),
        [("bounces@example.org", "reader@example.org")]
    );
}

/// Only a refusal that names the address suppresses it: not one about the
/// sender, the message or a policy, nor one without an enhanced code.
#[test]
fn only_a_refusal_of_the_address_suppresses_it() {
    assert!(refuses_the_address("permanent error (550): 5.1.1 no such mailbox here"));
    assert!(refuses_the_address("permanent error (550): 5.2.1 mailbox disabled"));
    assert!(refuses_the_address("permanent error (550): Requested action not taken: 5.1.10 null MX"));
    assert!(!refuses_the_address("permanent error (553): 5.1.7 bad sender address"));
    assert!(!refuses_the_address("permanent error (554): 5.7.1 message refused as spam"));
    assert!(!refuses_the_address("permanent error (550): no such user"));
    assert!(!refuses_the_address("permanent error (552): 5.1.15 too long"));
}
