"""The test suite, laid out as the package it tests."""
