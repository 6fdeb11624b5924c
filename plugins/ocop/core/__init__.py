"""What every stage shares: settings, paths and ids, fingerprints, problems and their messages."""
