//! The back office's staff, for tests: accounts made by the command line
//! (as an operator would), and a signed-in person's client that carries
//! their session cookie and posts forms with their session's token.

use scraper::Html;

use super::{TestApp, attr, stderr};

/// A password that passes the policy, for every test account.
pub const PASSWORD: &str = "correct horse battery staple";

impl TestApp {
    /// Creates an account (`admin` or `editor`) with [`PASSWORD`], through
    /// the command line.
    pub fn create_account(&self, email: &str, role: &str) {
        let output =
            self.cli_with_input(&["admin", "create", email, "--role", role], &format!("{PASSWORD}\n{PASSWORD}\n"));
        assert!(output.status.success(), "admin create {email}: {}", stderr(&output));
    }

    /// Posts the sign-in form as a browser would: its token from the page.
    pub async fn post_sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        let page = self.page("/admin/sign-in").await;
        let csrf = attr(&page, "main form input[name=csrf]", "value");
        self.client
            .post(self.url("/admin/sign-in"))
            .form(&[("csrf", csrf.as_str()), ("email", email), ("password", password)])
            .send()
            .await
            .expect("POST /admin/sign-in")
    }

    /// Signs in and returns the person's client; the sign-in must succeed.
    pub async fn sign_in(&self, email: &str, password: &str) -> Staff<'_> {
        let response = self.post_sign_in(email, password).await;
        assert_eq!(response.status(), 303, "sign-in of {email}");
        let set_cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).expect("a session cookie");
        let cookie = set_cookie.split(';').next().unwrap_or_default().to_owned();
        Staff { app: self, cookie }
    }

    /// An account of `role` made and signed in: the usual start of a
    /// back-office test.
    pub async fn staff(&self, email: &str, role: &str) -> Staff<'_> {
        self.create_account(email, role);
        self.sign_in(email, PASSWORD).await
    }
}

/// A signed-in person: every request carries their session cookie.
pub struct Staff<'a> {
    pub app: &'a TestApp,
    /// `name=value`, as the `Cookie` header sends it.
    pub cookie: String,
}

impl Staff<'_> {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.app.client.get(self.app.url(path)).header("cookie", &self.cookie).send().await.expect("GET")
    }

    /// GETs a back-office page that must answer 200, parsed.
    pub async fn page(&self, path: &str) -> Html {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        Html::parse_document(&response.text().await.expect("body"))
    }

    /// The session's form token, as every back-office page carries it.
    pub async fn token(&self) -> String {
        attr(&self.page("/admin/account").await, "form[action='/admin/sign-out'] input[name=csrf]", "value")
    }

    /// Posts a form with the session's token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let token = self.token().await;
        let mut form = vec![("csrf", token.as_str())];
        form.extend_from_slice(fields);
        self.post_raw(path, &form).await
    }

    /// Posts a form as given: no token added.
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.app.client.post(self.app.url(path)).header("cookie", &self.cookie).form(fields).send().await.expect("POST")
    }
}
