/* Extraction: entities, resolution, claims with speakers, numbers on claims. */
#include "check.h"
#include "lexicon_fixture.h"
#include "newsgraph/extract.h"
#include "lexicon/lexicon_impl.h"

static ng_lexicon *lex;

static long find_entity(const ng_extraction *x, ng_entity_type type, const char *label)
{
    for (size_t i = 0; i < x->nentities; i++)
        if (x->entities[i].type == type && !strcmp(x->entities[i].label, label))
            return (long)i;
    return -1;
}

static int has_alias(const ng_xentity *e, const char *alias)
{
    for (size_t i = 0; i < e->naliases; i++)
        if (!strcmp(e->aliases[i], alias))
            return 1;
    return 0;
}

/* The speaker of the claim whose text contains `needle`, or -1. */
static long speaker_of(const ng_extraction *x, const char *needle)
{
    for (size_t c = 0; c < x->nclaims; c++) {
        if (!strstr(x->claims[c].text, needle))
            continue;
        for (size_t e = 0; e < x->nedges; e++)
            if (x->edges[e].type == NG_EDGE_SAID && x->edges[e].target.kind == NG_REF_CLAIM &&
                x->edges[e].target.index == c)
                return (long)x->edges[e].source.index;
    }
    return -1;
}

static void extract(const char *text, ng_document *d, ng_extraction *x)
{
    ng_errmsg err;
    if (ng_document_from_bytes("t", "t.txt", text, strlen(text), 0, d, &err) != NG_OK ||
        ng_extract(lex, d, x, &err) != NG_OK) {
        fprintf(stderr, "extraction failed: %s\n", err.text);
        exit(1);
    }
}

static void names(void)
{
    char *a = ng_name_key("Budanow"), *b = ng_name_key("Budanov");
    CHECK_STR(a, b);
    free(a);
    free(b);
    a = ng_name_key("Kim Jong-un");
    b = ng_name_key("Kim Jong Un");
    CHECK_STR(a, b);
    char *c = ng_name_key("Kim Yong-hyun");
    CHECK(strcmp(a, c) != 0);
    free(a);
    free(b);
    free(c);
    /* plain ASCII takes a path of its own: the same keys as the other */
    a = ng_name_key("  Kím--Jong, un! ");
    b = ng_name_key("(Kim Jong-Un)");
    CHECK_STR(a, b);
    CHECK_STR(b, "kimyongun");
    free(a);
    free(b);
    a = ng_name_key_n("Selenskyj-Regierung", 9);
    CHECK_STR(a, "selenski");
    free(a);
    a = ng_slug("Kim Jong-un");
    CHECK_STR(a, "kim-jong-un");
    free(a);
    a = ng_slug("Südkorea");
    CHECK_STR(a, "suedkorea");
    free(a);
}

static void entities_and_claims(void)
{
    const char *text =
        "Treffen in Pjöngjang\n"
        "Der russische Präsident Wladimir Putin hat Nordkoreas Machthaber Kim Jong-un getroffen. "
        "Südkoreas Verteidigungsminister Kim Yong-hyun sprach von einem Bündnis. "
        "„Das ist eine Gefahr für die Region“, sagte Kim am Dienstag vor dem Parlament in Seoul. "
        "Laut dem US-Außenministerium sind rund 10.000 nordkoreanische Soldaten in Russland. "
        "Putins Sprecher wies die Berichte als Gerüchte zurück.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    long putin = find_entity(&x, NG_ENT_PERSON, "Wladimir Putin");
    long kju = find_entity(&x, NG_ENT_PERSON, "Kim Jong-un");
    long kyh = find_entity(&x, NG_ENT_PERSON, "Kim Yong-hyun");
    CHECK(putin >= 0 && kju >= 0 && kyh >= 0);
    CHECK(kju != kyh);
    if (putin >= 0)
        CHECK(has_alias(&x.entities[putin], "Putin")); /* "Putins" in base form */
    CHECK(find_entity(&x, NG_ENT_COUNTRY, "Nordkorea") >= 0);
    CHECK(find_entity(&x, NG_ENT_COUNTRY, "Russland") >= 0);
    CHECK(find_entity(&x, NG_ENT_COUNTRY, "Südkorea") >= 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Seoul") >= 0);
    /* "so/sagte Kim" goes to the nearest Kim, the minister. */
    CHECK(speaker_of(&x, "Gefahr für die Region") == kyh);
    /* Every number on the claim that states it. */
    int states = 0;
    for (size_t e = 0; e < x.nedges; e++)
        states += x.edges[e].type == NG_EDGE_STATES;
    CHECK(states >= 1);
    CHECK(x.nquantities == 1);
    if (x.nquantities == 1) {
        CHECK_NUM(x.quantities[0].low, 10000);
        CHECK(x.quantities[0].qualifier == NG_QUAL_APPROX);
        CHECK_STR(x.quantities[0].unit, "Soldat");
    }
    /* The denial is a claim with stance deny. */
    int deny = 0;
    for (size_t c = 0; c < x.nclaims; c++)
        deny |= x.claims[c].stance == NG_STANCE_DENY && strstr(x.claims[c].text, "Gerüchte") != NULL;
    CHECK(deny);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

static const char *speaker_label(const ng_extraction *x, const char *needle)
{
    long s = speaker_of(x, needle);
    return s >= 0 ? x->entities[s].label : "(none)";
}

static int has_claim(const ng_extraction *x, const char *needle)
{
    for (size_t c = 0; c < x->nclaims; c++)
        if (strstr(x->claims[c].text, needle))
            return 1;
    return 0;
}

/* Speakers that are not (only) names: bodies, groups, quoted names,
 * appositions, passives and reports without a named source. */
static void unnamed_speakers(void)
{
    const char *text =
        "Bahnstreik im Süden\n"
        "Die Stuttgarter Stadtverwaltung erklärte, der Hauptbahnhof bleibe bis Freitag geschlossen. "
        "Der Sprecher der Weltgesundheitsorganisation, Tarik Jasarevic, teilte mit, dass die Lager leer seien. "
        "Der Radiosender „Welle Nord“ meldete, die Brücke sei gesperrt. "
        "Kritiker warnen davor, die Regeln zu lockern. "
        "Nach Einschätzung von Ökonomen werde die Teuerung im Herbst sinken. "
        "Die neuen Zahlen wurden am Montag bestätigt. "
        "Medienberichten zufolge sollen drei Minister zurücktreten. "
        "Wie das Verkehrsministerium bekannt gab, fahren ab Montag wieder Züge. "
        "Das Wasser steige weiter, berichtete die Zeitung The State.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK_STR(speaker_label(&x, "Hauptbahnhof bleibe"), "Stuttgarter Stadtverwaltung");
    CHECK_STR(speaker_label(&x, "Lager leer"), "Tarik Jasarevic");
    CHECK_STR(speaker_label(&x, "Brücke sei gesperrt"), "Welle Nord");
    long welle = find_entity(&x, NG_ENT_MEDIA, "Welle Nord");
    CHECK(welle >= 0);
    CHECK_STR(speaker_label(&x, "Regeln zu lockern"), "Kritiker");
    CHECK_STR(speaker_label(&x, "Teuerung im Herbst"), "Ökonom");
    /* a passive report names no speaker; nor does "Medienberichten zufolge" */
    CHECK(has_claim(&x, "Zahlen wurden am Montag"));
    CHECK_STR(speaker_label(&x, "Zahlen wurden am Montag"), "(none)");
    CHECK(has_claim(&x, "drei Minister"));
    CHECK_STR(speaker_label(&x, "drei Minister"), "(none)");
    /* the particle written apart before the verb */
    CHECK_STR(speaker_label(&x, "wieder Züge"), "Verkehrsministerium");
    /* an unquoted name no lexicon knows after an outlet's noun is the outlet */
    CHECK_STR(speaker_label(&x, "Wasser steige"), "The State");
    CHECK(find_entity(&x, NG_ENT_MEDIA, "The State") >= 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* Family names first: Chinese names keep their family name, which is also
 * their short form; a particle joined by a hyphen ends a name; a final s is
 * a genitive only before a noun phrase. */
static void name_forms(void)
{
    const char *text = "Gipfel in Peking\n"
                       "Staatschef Xi Jinping empfing Außenminister Wang Yi. Xi sprach von Vertrauen. "
                       "Der ägyptische Präsident Abdel Fattah al-Sisi reiste an. "
                       "UN-Generalsekretär António Guterres, der Portugiese, mahnte zur Ruhe. "
                       "Putins Sprecher schwieg.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    long xi = find_entity(&x, NG_ENT_PERSON, "Xi Jinping");
    CHECK(xi >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Wang Yi") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Jinping") < 0);
    CHECK(speaker_of(&x, "Vertrauen") == xi);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Abdel Fattah al-Sisi") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "António Guterres") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "António Guterre") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* "das Unternehmen", "der Konzern" as speakers: the company named last
 * before; not a plural, not a name inside a compound. */
static void company_speakers(void)
{
    const char *text = "Zahlen aus Wolfsburg\n"
                       "Volkswagen hat den Gewinn gesteigert. Das Unternehmen teilte am Dienstag mit, der Absatz "
                       "sei gestiegen. Die Unternehmen der Branche erklärten, die Zölle seien ein Risiko. "
                       "Der Siemens-Zulieferer Quellbau meldete Verluste. Der Konzern erklärte, man plane "
                       "Entlassungen.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    long vw = find_entity(&x, NG_ENT_ORGANIZATION, "Volkswagen");
    long siemens = find_entity(&x, NG_ENT_ORGANIZATION, "Siemens");
    CHECK(vw >= 0 && siemens >= 0);
    CHECK(speaker_of(&x, "Absatz") == vw);
    CHECK(speaker_of(&x, "Zölle") != vw);
    CHECK(speaker_of(&x, "Entlassungen") != siemens && speaker_of(&x, "Entlassungen") != vw);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* Regions named by a compass prefix, and sports clubs named after a city. */
static void regions_and_clubs(void)
{
    const char *text = "Lage im Osten\n"
                       "In der Ostukraine und in Nord-Syrien wurde gekämpft, in Süditaliens Häfen nicht. "
                       "Die Ostsee blieb ruhig. Westwind kam auf. "
                       "Die Detroit Red Wings spielten in Philadelphia.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Ostukraine") >= 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Nordsyrien") >= 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Süditalien") >= 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Westwind") < 0);
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Detroit Red Wings") >= 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Detroit") < 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Philadelphia") >= 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* A lexicon name shaped like a person's name is the lexicon's, unless
 * marked as also a person's name or after a title; a lexicon name that is
 * also an ordinary word, in a speaker's place without an article, is the
 * lexicon's too, unless it is also a person's name. */
static void names_like_persons(void)
{
    const char *text = "Banken\n"
                       "Die Analysten von Morgan Stanley sind skeptisch. Axel Springer kauft zu. "
                       "Ralph Lauren zeigte neue Mode. Gründer Hugo Boss war Schneider. "
                       "Der Firmengründer Robert Bosch starb 1942. "
                       "Das Schloss sei sicher, berichtete Golem am Montag. "
                       "Der Markt wachse, sagte Austin in Washington.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Morgan Stanley") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Morgan Stanley") < 0);
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Axel Springer") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Axel Springer") < 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Ralph Lauren") >= 0); /* marked: also a person's name */
    CHECK(find_entity(&x, NG_ENT_PERSON, "Hugo Boss") >= 0);    /* a title before it */
    CHECK(find_entity(&x, NG_ENT_ORGANIZATION, "Hugo Boss") < 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Robert Bosch") >= 0); /* a compound title */
    CHECK(find_entity(&x, NG_ENT_MEDIA, "Golem") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Golem") < 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Austin") >= 0);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Austin") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* The number of mentions of entity e (-1: none). */
static size_t mentions_of(const ng_extraction *x, long e)
{
    size_t n = 0;
    for (size_t m = 0; m < x->nmentions; m++)
        n += e >= 0 && x->mentions[m].entity == (size_t)e;
    return n;
}

/* Capitalised particles inside a name, and a double surname as the short
 * form of the full name. */
static void particles_and_double_names(void)
{
    const char *text = "Wahl\n"
                       "Alexander Van der Bellen gewann. Bruno Le Maire gratulierte. "
                       "Johanna Mikl-Leitner war Ministerin. Mikl-Leitner sagte wenig, Mikl-Leitners Partei schwieg.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Alexander Van der Bellen") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Alexander Van") < 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Bruno Le Maire") >= 0);
    long e = find_entity(&x, NG_ENT_PERSON, "Johanna Mikl-Leitner");
    CHECK(e >= 0 && find_entity(&x, NG_ENT_PERSON, "Mikl-Leitner") < 0 &&
          find_entity(&x, NG_ENT_PERSON, "Mikl-Leitners") < 0);
    CHECK(mentions_of(&x, e) == 3);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* A single word after a title, and one the tagger finds, are the short form
 * of a full name of the text, before or after them. */
static void short_forms(void)
{
    const char *text = "Rom\n"
                       "Premier Renzi kam spät. Später sprach Matteo Renzi lange. "
                       "Der Bericht von Ednan Aslan sorgt für Aufregung. "
                       "Die Auswahl macht Aslan nicht transparent.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    long renzi = find_entity(&x, NG_ENT_PERSON, "Matteo Renzi"), aslan = find_entity(&x, NG_ENT_PERSON, "Ednan Aslan");
    CHECK(mentions_of(&x, renzi) == 2 && find_entity(&x, NG_ENT_PERSON, "Renzi") < 0);
    CHECK(mentions_of(&x, aslan) == 2 && find_entity(&x, NG_ENT_PERSON, "Aslan") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* An outlet named like a word needs a report spoken of, besides an article,
 * or to be written in capitals among words that are not. */
static void outlets_named_like_words(void)
{
    const char *text = "Zeitfragen\n"
                       "Mit der Zeit habe sie sich an die Welt gewöhnt. "
                       "Wie die Zeit berichtet, ist der Plan neu. Laut der Welt gibt es Streit. "
                       "Das sagte er dem KURIER. KRIEG IN DER WELT. Im KURIER-Interview schwieg er.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    long zeit = find_entity(&x, NG_ENT_MEDIA, "Zeit"), welt = find_entity(&x, NG_ENT_MEDIA, "Welt");
    CHECK(mentions_of(&x, zeit) == 1 && mentions_of(&x, welt) == 1); /* not the capitals of a headline */
    CHECK(mentions_of(&x, find_entity(&x, NG_ENT_MEDIA, "Kurier")) == 2); /* an outlet in capitals, also in a compound */
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* A place named like a word needs a preposition that takes a bare place
 * name; an article means the word. */
static void places_named_like_words(void)
{
    const char *text = "Reise\n"
                       "Sie kamen mit dem Zug aus Essen. Das Essen war gut. Nach drei Siegen fuhren sie nach Zug.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK(mentions_of(&x, find_entity(&x, NG_ENT_PLACE, "Essen")) == 1);
    CHECK(mentions_of(&x, find_entity(&x, NG_ENT_PLACE, "Zug")) == 1);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Siegen") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* A name's label has single spaces whatever the text has between its
 * words; a compound ending in a noun the word list has only as a verb's
 * infinitive ("unternehmen") is no name in a speaker's place. */
static void labels_and_infinitive_nouns(void)
{
    const char *text = "Klage\n"
                       "Es komme vor, sagt der Fotograf Laurent  Mekul, dass er warte. "
                       "Dieses Mal klagt nicht das Energieunternehmen EVN, sondern ein Fonds.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Laurent Mekul") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Laurent  Mekul") < 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Energieunternehmen") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* A compound of a word the list has in lower case only ("Kurswechsel":
 * "wechsel") is no name standing alone; the subject before it is the
 * source. */
static void compounds_of_lower_words(void)
{
    const char *text = "Wahl\n"
                       "Der neue Chef gilt als Verfechter der Einparteienherrschaft. Trotzdem gehen Beobachter "
                       "nicht von einem abrupten Kurswechsel aus, weder wirtschaftlich noch politisch.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Kurswechsel") < 0);
    long b = find_entity(&x, NG_ENT_PERSON, "Beobachter");
    CHECK(b >= 0 && x.entities[b].anonymous);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* The dateline: the places before the dash at the start of one of the first
 * sentences are places, known or not, whatever else the words could be
 * ("Maria Enzersdorf" looks like a person's name); a headline before a
 * dash is none.  An auxiliary before the subject is no adjective of an
 * unnamed source ("hatten Experten gewarnt"). */
static void datelines_and_auxiliaries(void)
{
    const char *text = "Turnier\n"
                       "Der Titelverteidiger verlor im Finale. Kitzbühel – Der Sieger stand erst spät fest. "
                       "Zuvor hatten Experten gewarnt, die Lage sei ernst.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Kitzbühel") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Kitzbühel") < 0);
    for (size_t i = 0; i < x.nentities; i++)
        CHECK(strncmp(x.entities[i].label, "hatte", 5) != 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Experte") >= 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
    extract("Umzug\nDie Firma zieht um. Maria Enzersdorf/Wien – Der Betrieb beginnt im Mai.\n", &d, &x);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Maria Enzersdorf") >= 0);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Maria Enzersdorf") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
    extract("Technik\nNeue Geräte im Test – Die Hersteller zeigen, was kommt.\n", &d, &x);
    CHECK(find_entity(&x, NG_ENT_PLACE, "Neue Geräte im Test") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* One word's genitive, where the word without its s is a known name or a
 * person of the text, is that name ("Adeles Platte", "Trummers Pläne"). */
static void single_word_genitives(void)
{
    const char *text = "Musik\n"
                       "Die Sängerin sagte den Auftritt ab. Adeles dritte Platte erscheint im Herbst, "
                       "teilte ihr Label mit. Auch Trummer kam. Trummers Pläne sind neu.\n";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    CHECK(find_entity(&x, NG_ENT_PERSON, "Adele") >= 0 && find_entity(&x, NG_ENT_PERSON, "Adeles") < 0);
    long t = find_entity(&x, NG_ENT_PERSON, "Trummer");
    CHECK(t >= 0 && mentions_of(&x, t) == 2 && find_entity(&x, NG_ENT_PERSON, "Trummers") < 0);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

/* Folding lower-cases as GLib does, also where it takes its fast path
 * (ASCII and Latin-1 letters) and for the letters beyond. */
static void folding_as_glib(void)
{
    for (gunichar u = 0x41; u <= 0x24F; u++) {
        if (u == 0x7F || (u >= 0x80 && u < 0xA0))
            continue;
        char mid[8] = {0};
        g_unichar_to_utf8(u, mid);
        gchar *word = g_strdup_printf("Ab%sXd", mid); /* no ending to fold */
        GString *f = g_string_new(NULL);
        ng_lex_fold_word(f, word, strlen(word));
        gchar *want = g_utf8_strdown(word, -1);
        CHECK(strcmp(f->str, want) == 0);
        g_free(want);
        g_string_free(f, TRUE);
        g_free(word);
    }
}

static void hostile(void)
{
    /* Nothing in the text may crash the extractor. */
    const char *text = "„„„ »« \" ' ‚‘ —– … 10^400 999999999999999999999999999999999999999 "
                       "<script>&amp;</script> \\ \x01\x02 Dr. Dr. Dr. z. B. 16. 17. 18.";
    ng_document d;
    ng_extraction x;
    extract(text, &d, &x);
    ng_extraction_clear(&x);
    ng_document_clear(&d);
}

int main(void)
{
    lex = test_lexicon();
    names();
    entities_and_claims();
    unnamed_speakers();
    name_forms();
    regions_and_clubs();
    company_speakers();
    names_like_persons();
    particles_and_double_names();
    short_forms();
    outlets_named_like_words();
    places_named_like_words();
    folding_as_glib();
    labels_and_infinitive_nouns();
    compounds_of_lower_words();
    datelines_and_auxiliaries();
    single_word_genitives();
    hostile();
    ng_lexicon_free(lex);
    TEST_DONE();
}
