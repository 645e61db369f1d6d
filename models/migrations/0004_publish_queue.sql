-- Publishing (issue 5): placements remember a lost-rights streak, and Agenda's queue table exists
-- before Agenda starts so a placement and its publish job are inserted in ONE transaction (the
-- same columns @agendajs/postgres-backend 3 creates with CREATE TABLE IF NOT EXISTS).
ALTER TABLE placements ADD COLUMN IF NOT EXISTS failing_since timestamptz;
--> statement-breakpoint
ALTER TABLE placements ADD COLUMN IF NOT EXISTS last_error text;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS agenda_jobs (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  name VARCHAR(255) NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  next_run_at TIMESTAMPTZ,
  type VARCHAR(10) NOT NULL DEFAULT 'normal' CHECK (type IN ('normal', 'single')),
  locked_at TIMESTAMPTZ,
  last_finished_at TIMESTAMPTZ,
  failed_at TIMESTAMPTZ,
  fail_count INTEGER DEFAULT NULL,
  fail_reason TEXT,
  repeat_timezone VARCHAR(100),
  last_run_at TIMESTAMPTZ,
  repeat_interval VARCHAR(255),
  data JSONB DEFAULT '{}'::jsonb,
  repeat_at VARCHAR(255),
  disabled BOOLEAN DEFAULT FALSE,
  progress REAL,
  fork BOOLEAN DEFAULT FALSE,
  last_modified_by VARCHAR(255),
  debounce_started_at TIMESTAMPTZ,
  start_date TIMESTAMPTZ,
  end_date TIMESTAMPTZ,
  skip_days JSONB,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  updated_at TIMESTAMPTZ DEFAULT NOW()
);
--> statement-breakpoint
GRANT SELECT, INSERT ON agenda_jobs TO app_rw, app_system;
