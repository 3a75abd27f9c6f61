"""Every Cypher statement the Neo4j store runs, as module constants.

Graph model:

    (:Country {id, name, data}) and (:Agreement {id, name, data})   data = the model as JSON
    (:Article {id, content_hash, date, data, triples})-[:STATES]->(:Claim {uid, seq, data})
        uid = '<article id>#<seq>'; triples = the article's triples as 'TYPE|subject|object'
    (s)-[:RECOGNIZES|MEMBER_OF|NEGOTIATING_WITH]->(o)   one per triple (MERGE locks both ends),
        ends ordered like graph.models.triple_key, with one entry per claim in two arrays:
        uids, and claims = 'day|confidence|status|about|confidence repr|rule' (see neo4j_rows)

Claim nodes are only created (one statement per article) and hold the claim's JSON; each
triple's edge is MERGEd once per article and gets all of that article's entries in one
append. A claim entry starts with its effective day (ISO, '0001-01-01' when undated), its
confidence as a fixed-width decimal and its status, so the as-of state of a triple is the
greatest entry below ``$until`` (the as-of day followed by '}', which sorts after '|'):
latest day, then highest confidence, then status -- the order of graph.derive. Labels and
relationship types come only from the enums in graph.models; every value is a parameter. A
variable-length upper bound cannot be a parameter in Cypher, so the path queries are
pre-built for each hop count.
"""

from __future__ import annotations

from graph.models import EntityKind, RelationType

LABEL = {EntityKind.COUNTRY: "Country", EntityKind.AGREEMENT: "Agreement"}
OWN_LABELS = ("Claim", "Article", "Country", "Agreement")  # wipe order: leaves first
MAX_PATH_HOPS = 32

SCHEMA = (
    "CREATE CONSTRAINT diplograph_country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT diplograph_agreement_id IF NOT EXISTS FOR (n:Agreement) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT diplograph_article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT diplograph_article_hash IF NOT EXISTS "
    "FOR (n:Article) REQUIRE n.content_hash IS UNIQUE",
    "CREATE CONSTRAINT diplograph_claim_uid IF NOT EXISTS FOR (n:Claim) REQUIRE n.uid IS UNIQUE",
    "CREATE INDEX diplograph_article_date IF NOT EXISTS FOR (n:Article) ON (n.date)",
)

# --- entities ------------------------------------------------------------------------------

UPSERT_ENTITIES = {
    kind: f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n.name = row.name, n.data = row.data"
    for kind, label in LABEL.items()
}
GET_ENTITY = {kind: f"MATCH (n:{label} {{id: $id}}) RETURN n.data AS data" for kind, label in LABEL.items()}
# Long answers come back as one collected list: one Bolt message instead of one per record.
ALL_ENTITIES = {kind: f"MATCH (n:{label}) RETURN collect(n.data) AS rows" for kind, label in LABEL.items()}
NODES = """
UNWIND $ids AS id
OPTIONAL MATCH (c:Country {id: id})
OPTIONAL MATCH (g:Agreement {id: id})
WITH coalesce(c, g) AS n WHERE n IS NOT NULL
RETURN n.id AS id, n.name AS name, n:Agreement AS agreement
"""
# --- articles and claims ------------------------------------------------------------------------

# Before writing an article: is this content stored already, and which claimed entities are unknown?
CHECK_ARTICLE = """
OPTIONAL MATCH (same:Article {content_hash: $hash})
CALL () {
  UNWIND $countries AS id
  OPTIONAL MATCH (n:Country {id: id})
  WITH id, n WHERE n IS NULL
  RETURN collect(id) AS countries
}
CALL () {
  UNWIND $agreements AS id
  OPTIONAL MATCH (n:Agreement {id: id})
  WITH id, n WHERE n IS NULL
  RETURN collect(id) AS agreements
}
RETURN same.id AS duplicate, countries + agreements AS missing
"""
# Concurrent writers of one id queue on the MERGE; each then reads the content hash its
# predecessor committed (returned as ``old``) and rolls back if it is its own.
UPSERT_ARTICLE = """
MERGE (a:Article {id: $id})
WITH a, a.content_hash AS old, a.triples AS old_triples
SET a.content_hash = $hash, a.date = $date, a.data = $data, a.triples = $triples
RETURN old, old_triples
"""
# Setting a property takes the node's write lock: a concurrent writer of the article waits.
LOCK_EXISTING_ARTICLE = "MATCH (a:Article {id: $id}) SET a._lock = true RETURN a.triples AS triples"
DELETE_ARTICLE = "MATCH (a:Article {id: $id}) DETACH DELETE a"
GET_ARTICLE = "MATCH (a:Article {id: $id}) RETURN a.data AS data"
FIND_ARTICLES = """
MATCH (a:Article)
RETURN a.data AS data
ORDER BY coalesce(a.date, date('0001-01-01')) DESC, a.id
SKIP $offset LIMIT $limit
"""
ALL_ARTICLES = "MATCH (a:Article) RETURN collect(a.data) AS rows"
GET_CLAIMS = """
MATCH (a:Article {id: $id})
CALL (a) {
  OPTIONAL MATCH (a)-[:STATES]->(c:Claim)
  WITH c ORDER BY c.seq
  RETURN collect(c.data) AS rows
}
RETURN rows
"""
ALL_CLAIMS = "MATCH (a:Article)-[:STATES]->(c:Claim) RETURN collect([a.id, c.seq, c.data]) AS rows"

# An article's claim nodes, in article order: CREATE only, one statement per article.
WRITE_CLAIMS = """
MATCH (a:Article {id: $article_id})
UNWIND range(0, size($data) - 1) AS i
CREATE (a)-[:STATES]->(:Claim {uid: $article_id + '#' + toString(i), seq: i, data: $data[i]})
"""


def _write_triples(predicate: RelationType) -> str:
    obj = LABEL[predicate.object_kind]
    return f"""
UNWIND range(0, size($ks) - 1) AS i
MATCH (s:Country {{id: $ks[i]}}), (o:{obj} {{id: $ko[i]}})
MERGE (s)-[r:{predicate.value}]->(o)
SET r.uids = coalesce(r.uids, []) + $uids[i], r.claims = coalesce(r.claims, []) + $claims[i]
"""


# The distinct triples of one predicate in an article, each with all of the article's entries
# for it (``$uids[i]``, ``$claims[i]``): one MERGE and one append per triple. ``$ks``/``$ko``
# are the ends as graph.models.triple_key stores them, sorted, so that concurrent writers
# lock nodes in the same order.
WRITE_TRIPLES = {predicate: _write_triples(predicate) for predicate in RelationType}

# Remove an article's entries from the edges of its (earlier) ``$triples``, dropping emptied
# edges; then its claims.
UNLINK_CLAIMS = """
MATCH (a:Article {id: $id})
WITH [(a)-[:STATES]->(c:Claim) | c.uid] AS gone
UNWIND $triples AS triple
WITH gone, split(triple, '|') AS k
MATCH (s:Country {id: k[1]})-[r]->(o {id: k[2]}) WHERE type(r) = k[0]
WITH r, [i IN range(0, size(r.uids) - 1) WHERE NOT r.uids[i] IN gone] AS keep
SET r.uids = [i IN keep | r.uids[i]], r.claims = [i IN keep | r.claims[i]]
WITH r WHERE size(keep) = 0
DELETE r
"""
DELETE_CLAIMS = "MATCH (:Article {id: $id})-[:STATES]->(c:Claim) DETACH DELETE c"

# --- relations as of a date -------------------------------------------------------------------

# The winning entry among those dated on or before the as-of day ('' when there is none).
_WINNER = "reduce(w = '', x IN r.claims | CASE WHEN x < $until AND x > w THEN x ELSE w END)"
STATUS_AS_OF = f"split({_WINNER}, '|')[2]"

# One row per triple with a claim dated by then: its uids and entries up to the as-of day.
# Rows are sorted by the caller: an ORDER BY here makes the planner scan the id index in
# order instead of seeking the one anchor node.
_RELATION_ROWS = f"""
WITH s, r, o, [i IN range(0, size(r.claims) - 1) WHERE r.claims[i] < $until] AS live
WHERE size(live) > 0 AND ($status IS NULL OR {STATUS_AS_OF} = $status)
RETURN collect([s.id, type(r), o.id, [i IN live | r.uids[i]], [i IN live | r.claims[i]]]) AS rows
"""
ALL_RELATIONS = (
    """
MATCH (s:Country)-[r]->(o)
WHERE type(r) IN $types"""
    + _RELATION_ROWS
)
# Relations touching one anchor; a symmetric type matches $subject/$object at either end.
RELATIONS_AROUND = {
    kind: f"""
MATCH (:{label} {{id: $anchor}})-[r]-()
WHERE type(r) IN $types
WITH startNode(r) AS s, r, endNode(r) AS o, type(r) IN $symmetric AS sym
WHERE ($subject IS NULL OR s.id = $subject OR (sym AND o.id = $subject))
  AND ($object IS NULL OR o.id = $object OR (sym AND s.id = $object))
  AND NOT (sym AND coalesce($subject = $object, false))"""
    + _RELATION_ROWS
    for kind, label in LABEL.items()
}
# One directed type from a known end (an asymmetric predicate): a typed expansion touches only
# that type's edges of the node.
RELATIONS_TO = {
    t: f"""
MATCH (o:{LABEL[t.object_kind]} {{id: $object}})<-[r:{t.value}]-(s:Country)
WHERE $subject IS NULL OR s.id = $subject"""
    + _RELATION_ROWS
    for t in RelationType
    if not t.symmetric
}
RELATIONS_FROM = {
    t: f"""
MATCH (s:Country {{id: $subject}})-[r:{t.value}]->(o)
WHERE $object IS NULL OR o.id = $object"""
    + _RELATION_ROWS
    for t in RelationType
    if not t.symmetric
}
EVIDENCE = """
MATCH (s:Country {id: $ks})-[r]->(o {id: $ko}) WHERE type(r) = $predicate
UNWIND r.uids AS uid
MATCH (a:Article)-[:STATES]->(c:Claim {uid: uid})
RETURN c.data AS claim, a.data AS article, a.id AS article_id, c.seq AS seq
"""

_PATHS = f"""
MATCH (a:<SOURCE> {{id: $source}}), (b:<TARGET> {{id: $target}})
MATCH p = allShortestPaths((a)-[:{RelationType.MEMBER_OF.value}*..<HOPS>]-(b))
WHERE all(r IN relationships(p) WHERE {STATUS_AS_OF} = 'in_force')
RETURN [n IN nodes(p) | n.id] AS ids, [n IN nodes(p) | n.name] AS names,
  [n IN nodes(p) | n:Agreement] AS agreements
"""
MEMBERSHIP_PATHS = {
    (source, target, hops): _PATHS.replace("<SOURCE>", LABEL[source])
    .replace("<TARGET>", LABEL[target])
    .replace("<HOPS>", str(hops))
    for source in EntityKind
    for target in EntityKind
    for hops in range(1, MAX_PATH_HOPS + 1)
}

# --- aggregates and maintenance -------------------------------------------------------------------

COUNTS = """
RETURN COUNT { (:Country) } AS countries, COUNT { (:Agreement) } AS agreements,
       COUNT { (:Article) } AS articles, COUNT { (:Claim) } AS claims
"""
IN_FORCE_BY_TYPE = f"""
MATCH (:Country)-[r]->()
WHERE type(r) IN $types
WITH type(r) AS p, {STATUS_AS_OF} AS status
WHERE status = 'in_force'
RETURN p, count(*) AS n
"""
# Claims per month from the triples' entries (an entry starts with the effective day).
TIMELINE = """
MATCH (s:Country)-[r]->(o)
WHERE ($predicate IS NULL OR type(r) = $predicate) AND type(r) IN $types
  AND ($entity IS NULL OR s.id = $entity OR o.id = $entity)
UNWIND r.claims AS claim
WITH type(r) AS p, claim WHERE NOT claim STARTS WITH $undated
RETURN substring(claim, 0, 7) AS period, p, split(claim, '|')[2] AS status, count(*) AS n
"""
WIPE = {
    label: f"MATCH (n:{label}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS n"
    for label in OWN_LABELS
}
