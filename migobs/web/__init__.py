"""Face: the dashboard pages. Imports anything below it but the API (`migobs.api`); only
`migobs.app` imports it."""
