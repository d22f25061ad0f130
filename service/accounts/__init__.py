"""User accounts for people: secretariat officers (a party) and member-country officials (a country)."""
