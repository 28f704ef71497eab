-- Call records and their queue events (like Asterisk's queue_log), one migration for H2 (in
-- PostgreSQL mode) and PostgreSQL: only types and syntax both accept. Times are TIMESTAMP WITH
-- TIME ZONE written in UTC; text codes are lower-case and checked here as well as in Java.

CREATE TABLE calls (
  id          VARCHAR(255) NOT NULL PRIMARY KEY,
  direction   VARCHAR(3)   NOT NULL,
  trunk       VARCHAR(255),
  caller      VARCHAR(255),
  dialled     VARCHAR(255),
  queue       VARCHAR(255),
  agent       VARCHAR(255),
  arrived_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  queued_at   TIMESTAMP WITH TIME ZONE,
  offered_at  TIMESTAMP WITH TIME ZONE,
  answered_at TIMESTAMP WITH TIME ZONE,
  ended_at    TIMESTAMP WITH TIME ZONE,
  wait_ms     BIGINT       NOT NULL DEFAULT 0,
  talk_ms     BIGINT       NOT NULL DEFAULT 0,
  hold_ms     BIGINT       NOT NULL DEFAULT 0,
  wrap_up_ms  BIGINT       NOT NULL DEFAULT 0,
  outcome     VARCHAR(32),
  order_id    VARCHAR(255),
  disposition VARCHAR(255),
  CONSTRAINT calls_direction_ck CHECK (direction IN ('in', 'out')),
  CONSTRAINT calls_outcome_ck CHECK (outcome IN ('completed_by_caller', 'completed_by_agent',
    'abandoned', 'overflowed', 'timed_out', 'transferred', 'failed', 'rejected')),
  CONSTRAINT calls_durations_ck CHECK (wait_ms >= 0 AND talk_ms >= 0 AND hold_ms >= 0
    AND wrap_up_ms >= 0)
);

-- Reports select a period, often per queue or agent.
CREATE INDEX calls_arrived_at_ix ON calls (arrived_at);
CREATE INDEX calls_queue_arrived_at_ix ON calls (queue, arrived_at);
CREATE INDEX calls_agent_arrived_at_ix ON calls (agent, arrived_at);

CREATE TABLE call_events (
  call_id VARCHAR(255) NOT NULL,
  seq     INTEGER      NOT NULL,
  at      TIMESTAMP WITH TIME ZONE NOT NULL,
  kind    VARCHAR(16)  NOT NULL,
  agent   VARCHAR(255),
  detail  VARCHAR(1000),
  CONSTRAINT call_events_pk PRIMARY KEY (call_id, seq),
  CONSTRAINT call_events_call_fk FOREIGN KEY (call_id) REFERENCES calls (id) ON DELETE CASCADE,
  CONSTRAINT call_events_seq_ck CHECK (seq >= 0),
  CONSTRAINT call_events_kind_ck CHECK (kind IN ('entered', 'offered', 'no_answer', 'answered',
    'transferred', 'abandoned', 'overflowed', 'ended'))
);

CREATE INDEX call_events_at_ix ON call_events (at);
