"""HTML views of the Pokja registry. Every view is scoped by the region in its URL
(`accounts.access.region_view`): 404 outside the user's scope, 403 without the right."""
