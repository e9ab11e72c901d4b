"""Loading: read the files people edit into records that remember where they came from."""
