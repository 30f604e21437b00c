//! The secretariat's time zone (`--time-zone`, Europe/Paris unless set):
//! every time of the back office shown in it, with its name, and read in it
//! when staff type one; "today", for a date of signature, is its day.

use time::macros::datetime;

use crate::{
    admin_signatories::{fields, html},
    common::{TestApp, attr, both_backends, stderr, text, texts},
};

/// The time of the audit log's newest entry (the sign-in, at the site's
/// clock), as the log shows it.
async fn newest_entry_time(app: &TestApp, email: &str) -> String {
    let staff = app.staff(email, "admin").await;
    let page = staff.page("/admin/audit").await;
    texts(&page, "table time").into_iter().next().unwrap_or_default()
}

both_backends! {
    async fn times_are_shown_in_paris_unless_told_otherwise(app.clock(datetime!(2026-12-07 12:00 UTC))) {
        // 12:00 UTC is 13:00 in Paris in December.
        let shown = newest_entry_time(app, "ada@example.org").await;
        assert!(shown.ends_with("13\u{a0}h\u{a0}00 (Europe/Paris)"), "{shown}");
    }

    async fn another_zone_is_named_and_used(app.time_zone("America/New_York").clock(datetime!(2026-12-07 12:00 UTC))) {
        let shown = newest_entry_time(app, "ada@example.org").await;
        assert!(shown.ends_with("7\u{a0}h\u{a0}00 (America/New_York)"), "{shown}");
    }

    async fn a_date_of_signature_after_the_secretariats_today_is_refused(app.clock(datetime!(2026-12-07 23:30 UTC))) {
        // 23:30 UTC on 7 December is already 8 December in Paris: that day is
        // today for the secretariat, and the next one is not yet.
        let staff = app.staff("eddie@example.org", "editor").await;
        let form = staff.page("/admin/signatories/new").await;
        assert_eq!(attr(&form, "#signatory-joined-on", "max"), "2026-12-08");
        let response = staff.post("/admin/signatories/new", &fields(&[("joined_on", "2026-12-09")])).await;
        assert_eq!(response.status(), 422);
        let page = html(response).await;
        assert_eq!(
            text(&page, "#signatory-joined-on-error"),
            "La date d’adhésion ne peut pas être postérieure à aujourd’hui."
        );
        assert_eq!(attr(&page, "#signatory-joined-on", "value"), "2026-12-09", "the typed date is kept");
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM signatories").await;
        assert_eq!(rows, [(0,)]);
        let response = staff.post("/admin/signatories/new", &fields(&[("joined_on", "2026-12-08")])).await;
        assert_eq!(response.status(), 303);

        // A file with a date to come is refused whole, its line named.
        let output = app.import("future.csv", "name,kind,country,joined_on\nNorthwick,city,FR,2013-05-02\nSouthwick,city,FR,2099-01-01\n");
        assert!(!output.status.success());
        let said = stderr(&output);
        assert!(said.contains("line 3") && said.contains("after today"), "{said}");
        let rows: Vec<(i64,)> = app.rows("SELECT count(*) FROM signatories").await;
        assert_eq!(rows, [(1,)], "nothing imported");
    }
}
