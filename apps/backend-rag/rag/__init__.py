"""nuzantara-rag: a small retrieval service over PostgreSQL with a Redis answer cache."""

SERVICE_NAME = "nuzantara-rag"
