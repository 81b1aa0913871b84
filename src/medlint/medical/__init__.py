"""Medical domain knowledge the rule kinds draw on: doses and upper limits,
citation forms, identifiers (DOI, PMID, ...), the spelling vocabulary, and the
doi.org client.  Nothing here knows about rules, configs or output.
"""
