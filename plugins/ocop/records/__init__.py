"""Records in: YAML read safely, checked against the schemas, the rules and each other."""
