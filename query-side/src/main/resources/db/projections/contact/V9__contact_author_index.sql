-- "My drafts" on a practitioner's home page: their contacts still in draft, oldest first.
CREATE INDEX contact_author_idx ON contact (author, status, recorded_at);
