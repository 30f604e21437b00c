## The newsletter: sign-up, confirmation, unsubscribing, and its mails.

newsletter-title = Newsletter
newsletter-lead = Get news of the ONE in FIVE campaign and of the Pact of cities and regions by email.
newsletter-subscribe-title = Sign up
newsletter-email-label = Your email address
newsletter-footer-email = Your email address *
# $privacy is the link to the privacy notice, named by privacy-title.
newsletter-consent = I agree to my email address being kept so that I can receive the newsletter, as explained on the { $privacy } page.
newsletter-honeypot = Leave this field empty
newsletter-required = * required field
newsletter-submit = Sign up
newsletter-leave-title = Unsubscribe
newsletter-leave-text = Enter your address: if it is subscribed, you will receive a link to unsubscribe.
newsletter-leave-submit = Send me the link
newsletter-error-email-empty = Enter your email address.
newsletter-error-email-invalid = This email address is not valid. Check it, for example name@example.org.
newsletter-error-email-bidi = This email address contains an invisible character that changes the direction of the text: type it again rather than paste it.
newsletter-error-consent = Tick the box to agree that your address is kept.
newsletter-check-title = Check your inbox
# The same answer whoever the address belongs to: it reveals nothing.
newsletter-check-body = A message has just been sent to this address, unless it is already subscribed. Follow the link it contains to confirm your subscription; the link is valid for 7 days.
newsletter-leave-sent-title = Check your inbox
newsletter-leave-sent-body = If this address is subscribed, a message with a link to unsubscribe has just been sent to it.
newsletter-confirm-title = Confirm your subscription
newsletter-confirm-body = To receive the newsletter, confirm your subscription.
newsletter-confirm-button = Confirm my subscription
newsletter-page-stale = This page had been open too long, so nothing was done. Press the button again.
newsletter-confirmed-title = Subscription confirmed
newsletter-confirmed-body = Thank you! You will now receive the ONE in FIVE campaign’s newsletter. Every message carries a link to unsubscribe.
newsletter-unsubscribe-title = Unsubscribe
newsletter-unsubscribe-body = You will no longer receive the newsletter and your address will be erased.
newsletter-unsubscribe-button = Unsubscribe me
newsletter-unsubscribed-title = Unsubscribed
newsletter-unsubscribed-body = You will no longer receive the newsletter. Your address has been erased.
newsletter-invalid-title = Link not valid
newsletter-invalid-body = This link is not valid or has expired. You can sign up again from the newsletter page.

mail-confirm-subject = Confirm your subscription to the ONE in FIVE newsletter
mail-greeting = Hello,
mail-confirm-intro = You asked to receive the newsletter of the Council of Europe’s ONE in FIVE campaign.
mail-confirm-action = To confirm your subscription, open this link:
mail-confirm-button = Confirm my subscription
mail-confirm-expiry = This link is valid for 7 days.
mail-confirm-ignore = If you did not ask for this, ignore this message: you will not be subscribed and your address will be erased.
# The link to the data protection notice (its words in the HTML part; the
# plain text part's line before its address).
mail-confirm-privacy = How your address is kept, and your rights
mail-confirm-privacy-text = How your address is kept, and your rights:
mail-unsubscribe-subject = Your link to unsubscribe from the ONE in FIVE newsletter
mail-unsubscribe-intro = You asked to unsubscribe from the ONE in FIVE campaign’s newsletter.
mail-unsubscribe-action = To unsubscribe, open this link:
mail-unsubscribe-button = Unsubscribe me
mail-unsubscribe-ignore = If you did not ask for this, ignore this message: you will stay subscribed.
# Before the link to unsubscribe, in a mail's plain text.
mail-unsubscribe-footer = Unsubscribe:
# The link to unsubscribe itself, in a mail's HTML.
mail-unsubscribe-link = Unsubscribe
mail-signature = ONE in FIVE – Congress of Local and Regional Authorities of the Council of Europe
