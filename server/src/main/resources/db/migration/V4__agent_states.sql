-- Agent state changes (every change is an event with a time), and the outcome of calls that Tawag
-- itself ends as configured (an announcement or IVR that hangs up), which V1 did not name.

CREATE TABLE agent_state_events (
  agent  VARCHAR(64)  NOT NULL,
  seq    BIGINT       NOT NULL,
  at     TIMESTAMP WITH TIME ZONE NOT NULL,
  state  VARCHAR(16)  NOT NULL,
  reason VARCHAR(64),
  CONSTRAINT agent_state_events_pk PRIMARY KEY (agent, seq),
  CONSTRAINT agent_state_events_state_ck CHECK (state IN ('offline', 'available', 'offered',
    'on_call', 'wrap_up', 'not_ready'))
);

-- Reports read an agent's day, or everyone's.
CREATE INDEX agent_state_events_at_ix ON agent_state_events (at);

ALTER TABLE calls DROP CONSTRAINT calls_outcome_ck;
ALTER TABLE calls ADD CONSTRAINT calls_outcome_ck CHECK (outcome IN ('completed_by_caller',
  'completed_by_agent', 'completed_by_system', 'abandoned', 'overflowed', 'timed_out',
  'transferred', 'failed', 'rejected'));
