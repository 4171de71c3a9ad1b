"""The pure core of newsreader: no Textual imports anywhere below this package."""
