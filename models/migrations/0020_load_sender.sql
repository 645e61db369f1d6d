-- What every update from a user reads first, in one call the bot sends as one simple-protocol
-- message with no transaction around it (models/accounts/load-sender.ts): the account of a Telegram
-- user and the stored session value under a key. The function takes its role from its own SET
-- clause (app_rw), so the caller (the login role, which reads no row itself) sends no set_config
-- statement first, and PL/pgSQL keeps the query's plan for the session. Called outside any
-- transaction, no scope setting is set: it reads what scopedStatement({}) would, under the same
-- policies — accounts (app_rw reads all) and bot_sessions (both app roles), neither of which looks
-- at the scope. (A non-superuser may not put app.* settings in a SET clause on PostgreSQL ≥ 15.)
-- Not SECURITY DEFINER: it runs as its caller, who must be allowed to SET ROLE app_rw.
CREATE FUNCTION load_sender(p_telegram_id bigint, p_session_key text)
  RETURNS TABLE (
    id uuid,
    telegram_id bigint,
    username text,
    first_name text,
    language text,
    blocked_at timestamptz,
    session jsonb
  )
  LANGUAGE plpgsql STABLE
  SET role = 'app_rw'
AS $$
BEGIN
  -- One row whether or not the account exists: the session comes either way.
  RETURN QUERY
    SELECT a.id, a.telegram_id, a.username, a.first_name, a.language, a.blocked_at,
      (SELECT s.value FROM bot_sessions s WHERE s.key = p_session_key)
    FROM (SELECT 1) one
    LEFT JOIN accounts a ON a.telegram_id = p_telegram_id;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION load_sender(bigint, text) FROM PUBLIC;
