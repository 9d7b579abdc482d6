"""Land expropriation over a ledger (LAND-*): built by the land ledger work."""
