-- NoticeChain store, schema version 2.
-- The public verify API finds notices by digest across all authorities (INoticeLookup.FindByDigestAsync); the
-- UNIQUE (authority, digest) index of version 1 cannot serve a lookup without the authority.
CREATE INDEX notices_by_digest ON notices (digest);
