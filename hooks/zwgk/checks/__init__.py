"""Checks run on the content and on the built site."""
