"""townsquare's channel-agnostic core: conversation, consent, outbox, worker, CLI."""
