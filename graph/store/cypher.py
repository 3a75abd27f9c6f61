"""Every Cypher statement the Neo4j store runs, as module constants.

Graph model:

    (:Country {id, name, data}) and (:Agreement {id, name, data})   data = the model as JSON
    (:Article {id, content_hash, date, data})-[:STATES]->(:Claim {uid, article_id, seq,
        subject, predicate, object, ks, ko, day, status, confidence, rule, about, data})
    (s)-[:RECOGNIZES|MEMBER_OF|NEGOTIATING_WITH]->(o)   one per triple (MERGE locks both ends),
        ends ordered like graph.models.triple_key, carrying one array entry per claim:
        uids, days (effective date, '0001-01-01' when undated), confs, statuses, rules, abouts
        ('' for none): lists hold no nulls

Claim days are ISO strings ('2023-03-26'): they compare like dates and cost far less to send
than temporal values. Labels and relationship types come only from the enums in
graph.models; every value is a parameter. A variable-length upper bound cannot be a
parameter in Cypher, so the path queries are pre-built for each hop count.
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
WITH a, a.content_hash AS old
SET a.content_hash = $hash, a.date = $date, a.data = $data
RETURN old
"""
# Setting a property takes the node's write lock: a concurrent writer of the article waits.
LOCK_EXISTING_ARTICLE = "MATCH (a:Article {id: $id}) SET a._lock = true RETURN a.id AS id"
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
ALL_CLAIMS = "MATCH (c:Claim) RETURN collect([c.article_id, c.seq, c.data]) AS rows"


def _write_claims(predicate: RelationType) -> str:
    obj = LABEL[predicate.object_kind]
    return f"""
MATCH (a:Article {{id: $article_id}})
UNWIND range(0, size($seq) - 1) AS i
CREATE (a)-[:STATES]->(:Claim {{uid: $article_id + '#' + toString($seq[i]), article_id: $article_id,
  seq: $seq[i], subject: $subject[i], predicate: '{predicate.value}', object: $object[i], ks: $ks[i],
  ko: $ko[i], day: $day[i], status: $status[i], confidence: $confidence[i], rule: $rule[i],
  about: $about[i], data: $data[i]}})
WITH i
MATCH (s:Country {{id: $ks[i]}}), (o:{obj} {{id: $ko[i]}})
MERGE (s)-[r:{predicate.value}]->(o)
SET r.uids = coalesce(r.uids, []) + ($article_id + '#' + toString($seq[i])),
    r.days = coalesce(r.days, []) + coalesce($day[i], '0001-01-01'),
    r.confs = coalesce(r.confs, []) + $confidence[i],
    r.statuses = coalesce(r.statuses, []) + $status[i],
    r.rules = coalesce(r.rules, []) + $rule[i],
    r.abouts = coalesce(r.abouts, []) + coalesce($about[i], '')
"""


# An article's claims of one predicate: each claim node, appended to its triple's edge (created if
# needed). Claims travel as columns (one list per field, ``$seq[i]`` ... ``$data[i]``): far fewer
# values to encode and decode than one map per claim. ``$ks``/``$ko`` are the ends as
# graph.models.triple_key stores them, and the rows come sorted by them so that concurrent
# writers lock nodes in the same order.
WRITE_CLAIMS = {predicate: _write_claims(predicate) for predicate in RelationType}

# Remove an article's claims from their triples' edges (dropping emptied edges), then the claims.
UNLINK_CLAIMS = """
MATCH (:Article {id: $id})-[:STATES]->(c:Claim)
MATCH (s:Country {id: c.ks})-[r]->(o {id: c.ko}) WHERE type(r) = c.predicate
WITH r, collect(c.uid) AS gone
WITH r, [i IN range(0, size(r.uids) - 1) WHERE NOT r.uids[i] IN gone] AS keep
SET r.uids = [i IN keep | r.uids[i]], r.days = [i IN keep | r.days[i]],
    r.confs = [i IN keep | r.confs[i]], r.statuses = [i IN keep | r.statuses[i]],
    r.rules = [i IN keep | r.rules[i]], r.abouts = [i IN keep | r.abouts[i]]
WITH r WHERE size(keep) = 0
DELETE r
"""
DELETE_CLAIMS = "MATCH (:Article {id: $id})-[:STATES]->(c:Claim) DETACH DELETE c"

# --- relations as of a date -------------------------------------------------------------------

# The index of the winning claim among those dated on or before $as_of: latest day, then
# highest confidence, then status name -- the order of graph.derive, which decides the status.
_WINNER = """reduce(w = null, i IN range(0, size(r.days) - 1) |
  CASE WHEN r.days[i] > $as_of THEN w
       WHEN w IS NULL OR r.days[i] > r.days[w]
         OR (r.days[i] = r.days[w] AND (r.confs[i] > r.confs[w]
           OR (r.confs[i] = r.confs[w] AND r.statuses[i] >= r.statuses[w]))) THEN i
       ELSE w END)"""
STATUS_AS_OF = f"r.statuses[{_WINNER}]"

_RELATION_ROWS = f"""
WITH s, r, o, [i IN range(0, size(r.days) - 1) WHERE r.days[i] <= $as_of] AS live
WHERE size(live) > 0 AND ($status IS NULL OR {STATUS_AS_OF} = $status)
WITH s.id AS s, type(r) AS p, o.id AS o, r, live ORDER BY p, s, o
RETURN collect([s, p, o, [i IN live | r.uids[i]], [i IN live | r.days[i]], [i IN live | r.confs[i]],
  [i IN live | r.statuses[i]], [i IN live | r.rules[i]], [i IN live | r.abouts[i]]]) AS rows
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
MATCH (a:Article)-[:STATES]->(c:Claim) WHERE c.uid IN r.uids
RETURN c.data AS claim, a.data AS article, c.article_id AS article_id, c.seq AS seq
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
TIMELINE = """
MATCH (c:Claim)
WHERE c.day IS NOT NULL AND ($predicate IS NULL OR c.predicate = $predicate)
  AND ($entity IS NULL OR c.subject = $entity OR c.object = $entity)
RETURN substring(c.day, 0, 7) AS period, c.predicate AS p, c.status AS status, count(*) AS n
"""
WIPE = {
    label: f"MATCH (n:{label}) WITH n LIMIT $batch DETACH DELETE n RETURN count(*) AS n"
    for label in OWN_LABELS
}
