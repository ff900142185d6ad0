"""One recognizer per file; ``recognizers.yaml`` says which ones run and with which context words."""
