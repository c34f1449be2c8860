-- Whether the person's latest declaration reported a symptom or a fever, for the status engine's
-- symptoms rule (off by default: suishen.status.symptoms.enabled).
ALTER TABLE declaration_state ADD COLUMN symptoms BOOLEAN NOT NULL DEFAULT false;
