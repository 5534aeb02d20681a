/* Unit tests of the analysis module on a graph made by hand: the network
 * each measure sees (parallel edges, co_occurs both ways, non-positive
 * weights), rankings, ties, communities, chains and neighbourhoods. */
#include <igraph.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "newsgraph/analysis.h"

/* a, b, c, d persons, e a claim, f alone:
 *   a -co_occurs- b  (twice: weights 1 and 2)
 *   b -mentions-> c  weight 0
 *   c -said-> d      weight 1
 *   d -appears_in-> a weight -1
 *   a -said-> e      weight 1 */
static void make_graph(ng_graph *g)
{
    static const char *const ids[] = {"person:a", "person:b", "person:c", "person:d", "claim:x:1", "person:f"};
    static const char *const labels[] = {"Anna", "Bert", "Carl", "Dora", "Wir bleiben.", "Frida"};
    static const struct {
        ng_edge_type type;
        size_t s, t;
        double w;
    } edges[] = {{NG_EDGE_CO_OCCURS, 0, 1, 1}, {NG_EDGE_CO_OCCURS, 1, 0, 2}, {NG_EDGE_MENTIONS, 1, 2, 0},
                 {NG_EDGE_SAID, 2, 3, 1},      {NG_EDGE_APPEARS_IN, 3, 0, -1}, {NG_EDGE_SAID, 0, 4, 1}};
    memset(g, 0, sizeof *g);
    g->nnodes = 6;
    g->nodes = calloc(g->nnodes, sizeof *g->nodes);
    for (size_t i = 0; i < g->nnodes; i++) {
        g->nodes[i].id = strdup(ids[i]);
        g->nodes[i].label = strdup(labels[i]);
        g->nodes[i].type = i == 4 ? NG_NODE_CLAIM : NG_NODE_PERSON;
        if (i == 4) {
            g->nodes[i].text = strdup("Wir bleiben.");
            g->nodes[i].doc = strdup("x");
        }
    }
    g->nedges = sizeof edges / sizeof edges[0];
    g->edges = calloc(g->nedges, sizeof *g->edges);
    igraph_vector_int_t ev;
    igraph_vector_int_init(&ev, (igraph_integer_t)(2 * g->nedges));
    for (size_t i = 0; i < g->nedges; i++) {
        ng_edge *e = &g->edges[i];
        e->type = edges[i].type;
        e->source = edges[i].s;
        e->target = edges[i].t;
        e->weight = edges[i].w;
        e->doc = strdup("x");
        char buf[32];
        snprintf(buf, sizeof buf, "e%zu", i);
        e->id = strdup(buf);
        VECTOR(ev)[2 * i] = (igraph_integer_t)e->source;
        VECTOR(ev)[2 * i + 1] = (igraph_integer_t)e->target;
    }
    igraph_create(&g->ig, &ev, (igraph_integer_t)g->nnodes, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&ev);
}

static void test_names(void)
{
    for (int m = 0; m < NG_MEASURE_COUNT; m++)
        CHECK(ng_measure_parse(ng_measure_name((ng_measure)m)) == m);
    CHECK(ng_measure_parse("fame") == -1);
    CHECK(ng_measure_weight_use(NG_MEASURE_BETWEENNESS) == NG_WEIGHT_LENGTH);
    CHECK(ng_measure_weight_use(NG_MEASURE_PAGERANK) == NG_WEIGHT_STRENGTH);
    CHECK(ng_measure_directed_only(NG_MEASURE_HUB));
    CHECK(!ng_measure_directed_only(NG_MEASURE_PAGERANK));
    CHECK(ng_community_method_parse("louvain") == NG_COMMUNITY_LOUVAIN);
    CHECK(ng_community_method_parse("walktrap") == -1);
}

static void test_degrees(const ng_graph *g)
{
    ng_errmsg err = {{0}};
    ng_rank_opts o = {0};
    ng_rank_result r;
    CHECK(ng_analysis_rank(g, NG_MEASURE_DEGREE, &o, &r, &err) == NG_OK);
    CHECK_NUM(r.value[0], 4); /* two co_occurs, appears_in, said */
    CHECK_NUM(r.value[1], 3);
    CHECK_NUM(r.value[5], 0);
    ng_rank_result_clear(&r);
    CHECK(ng_analysis_rank(g, NG_MEASURE_IN_DEGREE, &o, &r, &err) == NG_OK);
    CHECK_NUM(r.value[0], 3); /* co_occurs count at both ends, appears_in */
    CHECK_NUM(r.value[1], 2);
    CHECK_NUM(r.value[2], 1);
    ng_rank_result_clear(&r);
    /* strength: weight 0 and -1 left out and counted */
    CHECK(ng_analysis_rank(g, NG_MEASURE_STRENGTH, &o, &r, &err) == NG_OK);
    CHECK(r.dropped == 2);
    CHECK_NUM(r.value[0], 4);
    CHECK_NUM(r.value[1], 3);
    CHECK_NUM(r.value[2], 1);
    ng_rank_result_clear(&r);
}

static void test_paths_measures(const ng_graph *g)
{
    ng_errmsg err = {{0}};
    ng_rank_opts o = {0};
    ng_rank_result r;
    /* Non-positive weights must not reach igraph's betweenness/closeness. */
    o.weighted = 1;
    CHECK(ng_analysis_rank(g, NG_MEASURE_BETWEENNESS, &o, &r, &err) == NG_OK);
    CHECK(r.dropped == 2);
    /* weighted network: a<->b (3), c->d, a->e: b and e reach only via a */
    CHECK(r.value[0] > 0);
    ng_rank_result_clear(&r);
    CHECK(ng_analysis_rank(g, NG_MEASURE_CLOSENESS, &o, &r, &err) == NG_OK);
    CHECK_NUM(r.value[5], 0); /* alone: nobody reaches it */
    ng_rank_result_clear(&r);
    /* Undirected unweighted: the cycle a-b-c-d-a with e hanging on a, f
     * alone (n = 6).  a lies on every path from e (3 pairs) and on one of
     * the two from b to d: 3.5, normalised 2 * 3.5 / (5 * 4). */
    o.weighted = 0;
    o.undirected = 1;
    CHECK(ng_analysis_rank(g, NG_MEASURE_BETWEENNESS, &o, &r, &err) == NG_OK);
    CHECK(fabs(r.value[0] - 2.0 * 3.5 / 20) < 1e-12);
    ng_rank_result_clear(&r);
    /* Options a measure does not take. */
    CHECK(ng_analysis_rank(g, NG_MEASURE_HUB, &o, &r, &err) == NG_ERR_INVALID);
    o.undirected = 0;
    o.cutoff = 2;
    CHECK(ng_analysis_rank(g, NG_MEASURE_PAGERANK, &o, &r, &err) == NG_ERR_INVALID);
    CHECK(ng_analysis_rank(g, NG_MEASURE_HARMONIC, &o, &r, &err) == NG_OK);
    CHECK(r.cutoff_used);
    ng_rank_result_clear(&r);
}

static void test_order(const ng_graph *g)
{
    double v[6] = {1, 2, 2 + 1e-13, 0, 2, 0};
    size_t order[6];
    ng_analysis_order(g, v, order);
    /* 2, 2 + noise and 2 tie, so by label: Bert, Carl, "Wir bleiben." */
    CHECK(order[0] == 1 && order[1] == 2 && order[2] == 4);
    CHECK(order[3] == 0);
    CHECK(order[4] == 3 && order[5] == 5); /* Dora before Frida */
}

static void test_communities(const ng_graph *g)
{
    ng_errmsg err = {{0}};
    for (int m = 0; m < 2; m++) {
        ng_community_opts o = {(ng_community_method)m, 1.0, 7, 0};
        ng_communities a, b;
        CHECK(ng_analysis_communities(g, &o, &a, &err) == NG_OK);
        CHECK(ng_analysis_communities(g, &o, &b, &err) == NG_OK);
        CHECK(a.n == 6 && a.count == b.count);
        for (size_t i = 0; i < a.n; i++)
            CHECK(a.membership[i] == b.membership[i]);
        for (size_t k = 1; k < a.count; k++)
            CHECK(a.size[k - 1] >= a.size[k]);
        CHECK(a.dropped == 2);
        CHECK(!isnan(a.modularity));
        CHECK(a.membership[0] == a.membership[1]); /* the heavy pair stays together */
        ng_communities_clear(&a);
        ng_communities_clear(&b);
    }
}

static void test_chains(const ng_graph *g)
{
    ng_errmsg err = {{0}};
    ng_path_opts o = {0, 0};
    ng_paths p;
    /* a to c: a-b-c and a-d-c, two steps each (directions ignored). */
    CHECK(ng_analysis_paths(g, 0, 2, &o, &p, &err) == NG_OK);
    CHECK(p.total == 2 && p.count == 2);
    CHECK_NUM(p.length, 2);
    CHECK(p.nodes[p.start[0] + 1] == 1); /* Bert before Dora */
    CHECK(p.nodes[p.start[1] + 1] == 3);
    ng_paths_clear(&p);
    o.max = 1;
    CHECK(ng_analysis_paths(g, 0, 2, &o, &p, &err) == NG_OK);
    CHECK(p.total == 2 && p.count == 1);
    ng_paths_clear(&p);
    /* weighted: b-c (0) and d-a (-1) are left out: no chain. */
    o.weighted = 1;
    CHECK(ng_analysis_paths(g, 0, 2, &o, &p, &err) == NG_OK);
    CHECK(p.total == 0 && p.dropped == 2);
    ng_paths_clear(&p);
    CHECK(ng_analysis_paths(g, 4, 1, &o, &p, &err) == NG_OK);
    CHECK(p.total == 1);
    CHECK(fabs(p.length - (1.0 + 1.0 / 3)) < 1e-12);
    ng_paths_clear(&p);
    ng_link *l;
    size_t n;
    CHECK(ng_analysis_links(g, 0, 1, &l, &n, &err) == NG_OK);
    CHECK(n == 1 && l[0].type == NG_EDGE_CO_OCCURS && l[0].dir == NG_LINK_BOTH && l[0].edges == 2);
    CHECK_NUM(l[0].weight, 3);
    free(l);
    CHECK(ng_analysis_links(g, 2, 1, &l, &n, &err) == NG_OK);
    CHECK(n == 1 && l[0].dir == NG_LINK_IN);
    free(l);
}

static void test_neighbors(const ng_graph *g)
{
    ng_errmsg err = {{0}};
    ng_neighbors nb;
    CHECK(ng_analysis_neighbors(g, 0, 1, &nb, &err) == NG_OK);
    CHECK(nb.nodes == 3 && nb.n == 3);
    /* said (a -> e), co_occurs (b), appears_in (d -> a): in edge-type order */
    CHECK(nb.items[0].node == 4 && nb.items[0].link.type == NG_EDGE_SAID && nb.items[0].link.dir == NG_LINK_OUT);
    CHECK(nb.items[1].node == 1 && nb.items[1].link.dir == NG_LINK_BOTH && nb.items[1].link.edges == 2);
    CHECK(nb.items[2].node == 3 && nb.items[2].link.dir == NG_LINK_IN);
    ng_neighbors_clear(&nb);
    CHECK(ng_analysis_neighbors(g, 0, 2, &nb, &err) == NG_OK);
    CHECK(nb.nodes == 4);
    /* c at distance 2, reached from b (mentions) and from d (said) */
    int seen = 0;
    for (size_t i = 0; i < nb.n; i++)
        if (nb.items[i].node == 2) {
            CHECK(nb.items[i].distance == 2);
            seen++;
        }
    CHECK(seen == 2);
    ng_neighbors_clear(&nb);
}

int main(void)
{
    ng_graph g;
    make_graph(&g);
    test_names();
    test_degrees(&g);
    test_paths_measures(&g);
    test_order(&g);
    test_communities(&g);
    test_chains(&g);
    test_neighbors(&g);
    ng_graph_clear(&g);
    TEST_DONE();
}
