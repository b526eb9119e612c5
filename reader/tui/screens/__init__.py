"""Screens and dialogs of the reader app."""
