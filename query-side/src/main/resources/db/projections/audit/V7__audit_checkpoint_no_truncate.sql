-- Checkpoints were refused UPDATE and DELETE but not TRUNCATE: a signed statement of the chain's head must
-- survive as the chain does.
CREATE TRIGGER checkpoint_no_truncate BEFORE TRUNCATE ON audit.checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
