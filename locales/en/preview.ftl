# News previews: the image in the back office's preview, and a draft's
# private preview link, for someone without an account.

## The form's preview
preview-image-after-saving = The image you have just chosen is not in the preview: it will show once the item is saved.

## The private preview link, on the item's page
preview-link-title = Private preview link
preview-link-explanation = This link shows the draft as the public will see it, to someone without an account (to have it approved before it goes out). It stops working after 7 days, when the item is published or deleted, or when you withdraw it.
preview-link-none = This draft has no preview link.
preview-link-expires = A preview link works until { $when }.
preview-link-create = Create a preview link
preview-link-replace = Create a new link (the old one will stop working)
preview-link-withdraw = Withdraw the link
preview-link-url-label = Preview link to copy
preview-link-shown-once = Copy it now: it is shown only once. To get it again, create a new link.
preview-link-done-created = The preview link has been created.
preview-link-done-withdrawn = The preview link has been withdrawn: it no longer works.

## The page the link opens
preview-draft-banner = Draft — not published. Only people who have the link can see this page.
preview-gone-title = This preview link no longer works
preview-gone-body = The link was withdrawn, expired after 7 days, or the news item was published or deleted. Ask the person who sent it to you for a new link, or read the published news.

## The audit log
preview-kind-link-created = News preview link created
preview-kind-link-withdrawn = News preview link withdrawn
