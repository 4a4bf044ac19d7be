"""What every module's JSON API shares: token authentication with its second-factor rule
(`tokens`) and the rate limits (`throttles`). Each module keeps its own endpoints."""
