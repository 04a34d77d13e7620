"""The record schema (`document.schema.json`): the contract every processed article meets, bundled for the API and tests."""
