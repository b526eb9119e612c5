"""Text analysis: pure stages over blocks (chrome removal, captions, folding)."""
