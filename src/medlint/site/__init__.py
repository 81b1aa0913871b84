"""The site: every page under the content root and the URLs it answers to.

Built once per run, and only when a rule's check needs it (the link checks):
``index`` resolves URLs to pages, ``cache`` remembers pages between runs,
``anchors`` computes heading ids as each generator does, ``nearest`` finds
"did you mean" candidates.
"""
