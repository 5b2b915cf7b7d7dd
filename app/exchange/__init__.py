"""Files in and out: Markdown articles, web bundles, review bundles (folders and zips).

Reading here turns files into articles and payloads; every write goes through the store's
gate. Rendering pages is ``app.publish``'s job; this package only packs what it renders.
"""
