"""Events: who did what to whom, when and where, and the facts and quotes around them.

Owns the `events` stage (trigger frames, which trigger words state an event of their own and of which type,
argument rules and the roles some frames place outside the trigger's arguments, actor mentions, what the text's
pronouns and "the parties" refer to, envoys' postings, the sentence classifier, CAMEO codes),
the `dates` stage (time expressions found, resolved against the publication date, attached to events), and the
`facts` stage (figures and quotes).

May import: the foundation, `reading`, `nlp` and `actors`.
"""
