# The trash: deleted signatories, events and news items, kept 30 days.

admin-nav-trash = Trash
trash-lead = Deleted signatories, events and news items stay here for 30 days with everything they had (website, position on the map, texts, image), then are erased for good. Restoring one puts it back on the site, in the counter, the feeds and the sitemap, under its own address.
trash-count = { $count ->
    [0] The trash is empty
    [one] One item in the trash
   *[other] { $count } items in the trash
}
trash-empty-now = Nothing was deleted in the last 30 days.
trash-column-item = Name or title
trash-column-kind = Kind
trash-column-deleted = Deleted
trash-column-by = By
trash-column-left = Erased in
trash-column-actions = Actions
trash-kind-signatory = Signatory
trash-kind-event = Event
trash-kind-news = News item
trash-restore = Restore
trash-erase = Erase for good
trash-empty = Empty the trash
trash-days-left = { $count ->
    [one] one day
   *[other] { $count } days
}
trash-last-day = less than a day
trash-done-restored = Restored: it is back on the site as it was.
trash-open-restored = Open it
trash-done-erased = The item has been erased for good.
trash-done-emptied = The trash has been emptied.
trash-clash-name = This signatory cannot be restored: another signatory of the same name in the same country was added since. Nothing was changed; rename or delete the other one first.
trash-clash-slug = This item cannot be restored: another one now has its address (slug). Nothing was changed; change the other one’s address or delete it first.
trash-erase-title = Erase this item for good?
trash-erase-explanation = It will be gone for good, with everything it had: it cannot be restored afterwards. The audit log records the erasure.
trash-empty-title = Empty the trash?
trash-empty-explanation = { $count ->
    [one] This item will be gone for good, with everything it had: it cannot be restored afterwards. The audit log records it.
   *[other] These { $count } items will be gone for good, with everything they had: they cannot be restored afterwards. The audit log records it.
}
trash-kind-signatory-restored = Signatory restored
trash-kind-event-restored = Event restored
trash-kind-news-restored = News item restored
trash-kind-erased = Erased from the trash
trash-kind-emptied = Trash emptied
trash-kind-expired = Erased after 30 days in the trash
trash-audit-site = The site
trash-audit-open = Open
trash-audit-in-trash = In the trash
trash-deleted-see = See the trash, where it can be restored for 30 days.
