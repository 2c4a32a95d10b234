/*
 * main.c: the hlm program: global options, the command table, help.
 *
 * hlm [--db PATH] COMMAND [ARGS]; see spec/cli.md.  The default store is
 * ./hlm.db, or $HLM_DB.  The as-of date defaults to today: the clock is
 * read here, once, and nowhere in the library.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

#ifndef HLM_VERSION
#define HLM_VERSION "0.0.0"
#endif

static const cli_cmd commands[] = {
    {"import", cmd_import, "charger un fichier dans la base (atomique)",
     "Usage : hlm import TYPE FICHIER [--owner SIREN] [--year AAAA]\n"
     "                   [--max-errors N] [--ignore-unknown-columns]\n"
     "\n"
     "Charge FICHIER dans la base. L'import est atomique : au moindre défaut\n"
     "rien n'est écrit, et chaque erreur est signalée sous la forme\n"
     "fichier:ligne:colonne: champ: raison.\n"
     "\n"
     "TYPE : organisms, groups, foyers, rpls (et les fichiers du capital :\n"
     "voir « hlm import --help » plus bas).\n"
     "  rpls : fichier de dépôt RPLS (en-tête + lignes de 64 positions,\n"
     "         arrêté du 5 janvier 2010) ou données détaillées au logement\n"
     "         (colonnes nommées). Remplace, pour le millésime du fichier, le\n"
     "         parc de chaque propriétaire présent.\n"
     "\n"
     "Options :\n"
     "  --owner SIREN        propriétaire d'un fichier de données détaillées\n"
     "                       sans colonne siren\n"
     "  --year AAAA          millésime d'un fichier de données détaillées\n"
     "  --max-errors N       nombre maximal d'erreurs affichées (défaut 100)\n"
     "  --ignore-unknown-columns  ignorer les colonnes non définies\n"
     "\n"
     "Exemple :\n"
     "  hlm import organisms organisms.csv\n"
     "  hlm import rpls rpls2024.csv --year 2024\n"},
    {"rpls", cmd_rpls, "valider un fichier RPLS sans l'enregistrer",
     "Usage : hlm rpls validate FICHIER [--owner SIREN] [--year AAAA]\n"
     "                          [--max-errors N] [--threads N]\n"
     "\n"
     "Contrôle un fichier RPLS (format officiel, listes de codes, SIREN,\n"
     "codes communes, années) sans rien écrire dans la base. Signale chaque\n"
     "erreur avec sa position, puis affiche pour chaque organisme gestionnaire\n"
     "le décompte R411-6 que le fichier implique (logements gérés,\n"
     "conventionnés, antérieurs à 1977).\n"},
    {"count", cmd_count, "logements pris en compte (R411-6) par organisme",
     "Usage : hlm count [--organism SIREN] [--group ID] [--as-of DATE]\n"
     "\n"
     "Décompte, à la date, des logements gérés par chaque organisme et de\n"
     "ceux que retient l'article R411-6 (en vigueur au 1er janvier 2021) :\n"
     "1° logements conventionnés APL ; 2° logements d'organismes HLM ou de\n"
     "SEM agréées construits ou acquis-améliorés avant le 5 janvier 1977 ;\n"
     "logements-foyers à raison d'un logement pour trois lits (partie\n"
     "entière). Avant 2021 : décompte simple des logements gérés.\n"
     "Pour chaque propriétaire, le millésime RPLS retenu est le plus récent\n"
     "dont le 1er janvier précède la date.\n"},
    {"check", cmd_check, "appliquer toutes les règles en vigueur à la date",
     "Usage : hlm check [--organism SIREN] [--group ID] [--rule ID]\n"
     "                  [--as-of DATE]\n"
     "\n"
     "Applique chaque règle en vigueur à la date (voir hlm rules) et affiche\n"
     "les constats : violation, avertissement ou information, avec l'article\n"
     "qui les fonde. Code de sortie 1 si au moins une violation.\n"},
    {"explain", cmd_explain, "trace complète d'un constat ou d'un décompte",
     "Usage : hlm explain ID_CONSTAT\n"
     "        hlm explain --rule ID --organism SIREN [--as-of DATE]\n"
     "\n"
     "Affiche la trace complète d'un constat (son identifiant est donné par\n"
     "hlm check) ou de l'application d'une règle à un organisme : les faits\n"
     "retenus, chaque étape et l'article qui la fonde.\n"},
    {"rules", cmd_rules, "le registre des règles et leurs dates",
     "Usage : hlm rules [--as-of DATE]\n"
     "\n"
     "Liste les règles que hlm applique : identifiant, article, intitulé,\n"
     "premier et dernier jour d'application, date de la version du texte.\n"
     "Avec --as-of, seules les règles en vigueur à cette date.\n"},
    {"demo", cmd_demo, "jeu de données national synthétique",
     "Usage : hlm demo [--dwellings N] [--seed S] [--out DIR]\n"
     "\n"
     "Produit un jeu de données national synthétique et réaliste dans les\n"
     "formats officiels, déterministe pour une graine donnée (mêmes octets\n"
     "sur toute machine) :\n"
     "  organisms.csv  environ 640 organismes de toutes natures (OPH, ESH,\n"
     "                 coopératives, SEM agréées, sociétés de coordination…)\n"
     "  groups.csv     20 sociétés de coordination, 12 groupes de contrôle\n"
     "  foyers.csv     logements-foyers au 1er janvier 2020 et 2025\n"
     "  rpls-2020.csv, rpls-2025.csv  parc RPLS (données détaillées)\n"
     "  rpls-AAAA-SIREN.txt  quelques bailleurs en fichier de dépôt\n"
     "                 (arrêté du 5 janvier 2010)\n"
     "Capital et argent (voir hlm votes, share-price, transfers, loans,\n"
     "levy, costs) :\n"
     "  holdings.csv   actionnariat de chaque SA d'HLM (actionnaire de\n"
     "                 référence, collectivités, représentants des\n"
     "                 locataires, autres) et de chaque société de\n"
     "                 coordination ; statutes.csv  partage statutaire des\n"
     "                 voix des catégories 2 et 3\n"
     "  transfers.csv  cessions d'actions : prix plafonné (L423-4) et\n"
     "                 agrément des sociétés de coordination à chaque étape\n"
     "  dividends.csv, capital_ops.csv  dividendes, opérations sur capital\n"
     "  loans.csv      avances et prêts participatifs (L423-15, L423-16),\n"
     "                 avant et après le 1er mai 2019\n"
     "  financials.csv comptes 2005 à 2011 de chaque organisme ayant un parc\n"
     "                 (prélèvement L423-14, années 2011 et 2012)\n"
     "  cooperation.csv, services.csv, usage.csv, invoices.csv  structures\n"
     "                 de coopération (L423-6) : membres, services, usage,\n"
     "                 factures\n"
     "Surtout conformes, avec quelques infractions pour que des constats\n"
     "apparaissent ; les dates sont fixes et se lisent au 30 juin 2025\n"
     "(--as-of 2025-06-30).\n"
     "Sans --out, les fichiers sont chargés dans la base par les imports\n"
     "habituels ; avec --out, ils sont écrits dans DIR.\n"
     "\n"
     "Les seuils de la loi sont absolus (12 000, 1 500, 50 000 logements) :\n"
     "c'est à la taille nationale (--dwellings 5400000) que les constats\n"
     "ressemblent à la réalité ; plus petit, les organismes le sont aussi.\n"
     "\n"
     "Options :\n"
     "  --dwellings N   logements RPLS au 1er janvier 2025 (défaut\n"
     "                  1 000 000 ; de 1 000 à 20 000 000 ; le parc\n"
     "                  national : 5 400 000)\n"
     "  --seed S        graine (défaut 1)\n"
     "  --out DIR       écrire les fichiers dans DIR au lieu de charger la\n"
     "                  base\n"
     "\n"
     "Exemples :\n"
     "  hlm --db demo.db demo\n"
     "  hlm --db demo.db transfers --as-of 2025-06-30\n"
     "  hlm demo --dwellings 5400000 --seed 7 --out jeu-national\n"},
    {"votes", cmd_votes, "voix en assemblée générale d'une SA d'HLM (R422-1-1)",
     "Usage : hlm votes SIREN [--as-of DATE] [--format table|json|csv]\n"
     "        hlm votes [--all] [--as-of DATE] [--format table|json|csv]\n"
     "\n"
     "Répartit les voix de l'assemblée générale d'une SA d'HLM (ESH) entre\n"
     "ses actionnaires, à la date, selon L422-2-1 et R422-1-1. Sans SIREN\n"
     "(ou avec --all) : toutes les ESH qui ont un actionnariat connu.\n"
     "\n"
     "Calcul :\n"
     "  T = 10 × nombre d'actions (R422-1-1 I).\n"
     "  A = ⌊2T/3⌋ − 1 voix pour les catégories 1 (actionnaire de référence)\n"
     "      et 4 (autres personnes), partagées en proportion de leur capital :\n"
     "      partie entière, puis la voix restante au plus fort reste ; à\n"
     "      égalité, la catégorie 1. L'actionnaire de référence a au moins\n"
     "      T/2 + 1 voix, prises sur la catégorie 4.\n"
     "  B = T − A voix pour les catégories 2 (collectivités) et 3\n"
     "      (locataires), réparties par les statuts (statutes.csv), chacune\n"
     "      au moins T/10.\n"
     "  Dans chaque catégorie, les voix suivent les actions de chacun\n"
     "  (partie entière, puis plus forts restes). Des restes égaux qui se\n"
     "  disputent une voix appellent un tirage au sort par huissier : hlm\n"
     "  sert l'identifiant le plus petit (ordre des octets) et le signale\n"
     "  (« ties », constat LOT_REQUIRED de hlm check).\n"
     "\n"
     "Les lignes de holdings.csv dont la date d'acquisition suit la date\n"
     "sont ignorées ; un détenteur sur plusieurs lignes est additionné.\n"
     "Sans répartition statutaire, les voix des catégories 2 et 3 sont\n"
     "inconnues (null). Les constats (actionnaire de référence minoritaire,\n"
     "personnes physiques au-delà de 5 %, pacte, statuts) sont donnés par\n"
     "« hlm check --rule L422-2-1 ».\n"
     "\n"
     "Options :\n"
     "  --all        toutes les SA d'HLM de la base\n"
     "\n"
     "Sortie JSON : {\"company\", \"as_of\", \"total_votes\", \"categories\":\n"
     "  [{\"category\", \"shares\", \"votes\"}], \"holders\": [{\"holder\",\n"
     "  \"category\", \"shares\", \"votes\"}], \"ties\": [[détenteur, …]],\n"
     "  \"trace\"} ; avec --all : {\"as_of\", \"companies\": […]}.\n"
     "\n"
     "Exemple (docs/capital.md ; base créée par docs/examples/capital/load.sh) :\n"
     "  $ hlm --db exemple.db votes 100000009 --as-of 2024-03-15\n"
     "  10 000 actions, T = 100 000 voix, A = 66 665, B = 33 335 ; la\n"
     "  catégorie 1 (6 000 actions) reçoit 61 537 voix, la catégorie 4\n"
     "  (500 actions) 5 128 ; les trois locataires se disputent la dernière\n"
     "  des 10 000 voix de la catégorie 3 : P:T1 en a 3 334 (tirage requis).\n"},
    {"share-price", cmd_share_price,
     "prix maximum de cession d'une action (L423-4)",
     "Usage : hlm share-price --company SIREN --sold DATE\n"
     "                        [--holder ID | --base-cents N --acquired DATE]\n"
     "                        [--format table|json|csv]\n"
     "\n"
     "Calcule le prix maximum auquel une action d'une ESH, d'une coopérative\n"
     "(COOP) ou d'une SCIC d'HLM peut être cédée à la date --sold (L423-4).\n"
     "\n"
     "Texte appliqué selon la date de cession :\n"
     "  du 2008-01-01 au 2014-03-26 : valeur nominale, majorée d'un intérêt\n"
     "    pour chacune des 20 années civiles qui précèdent l'année de cession ;\n"
     "  à partir du 2014-03-27 (loi ALUR) : prix d'acquisition par action,\n"
     "    majoré pour chaque année civile de l'année d'acquisition à celle qui\n"
     "    précède la cession ; si le prix ou la date d'acquisition est\n"
     "    inconnu, la règle du nominal sur vingt ans ;\n"
     "  avant 2008 : texte non encodé (TEXT_NOT_ENCODED).\n"
     "Intérêt de l'année = base × (taux du livret A au 31 décembre de\n"
     "l'année + 150 pb), intérêt simple. On retranche les dividendes par\n"
     "action versés pendant ces années, puis on arrondit au centime\n"
     "inférieur ; jamais moins de zéro. Les montants intermédiaires sont\n"
     "exacts (fractions) ; la table datée du livret A et ses sources :\n"
     "src/params/params.def.\n"
     "\n"
     "Options :\n"
     "  --company SIREN    la société dont les actions sont cédées\n"
     "  --sold DATE        date de la cession\n"
     "  --holder ID        le cédant : ses lignes de holdings.csv donnent le\n"
     "                     prix (somme des prix / somme des actions) et la\n"
     "                     date d'acquisition (la plus récente)\n"
     "  --base-cents N     prix d'acquisition d'une action, en centimes\n"
     "  --acquired DATE    date d'acquisition (avec --base-cents)\n"
     "\n"
     "Sortie JSON : {\"company\", \"sold\", \"version\", \"base\",\n"
     "  \"base_cents\", \"years\": [{\"year\", \"livret_a_bp\",\n"
     "  \"interest_cents\"}], \"dividends_cents\", \"cap_cents\", \"trace\"} ;\n"
     "  une valeur exacte qui n'est pas un nombre entier de centimes est une\n"
     "  chaîne (« 343.125 », ou « a/b »).\n"
     "\n"
     "Exemples (docs/capital.md) :\n"
     "  $ hlm --db exemple.db share-price --company 100000009 --sold 2025-06-30 --base-cents 10000 --acquired 2016-03-15\n"
     "  100 € payés en 2016, cédés en 2025 : années 2016 à 2024, somme des\n"
     "  taux 12 points + 9 × 1,5 point = 25,5 points : 125,50 €.\n"
     "  $ hlm --db exemple.db share-price --company 100000009 --sold 2025-06-30\n"
     "  Nominal de 100 €, années 2005 à 2024 : 164,25 €.\n"},
    {"transfers", cmd_transfers,
     "état des cessions d'actions des sociétés de coordination",
     "Usage : hlm transfers [--company SIREN] [--as-of DATE]\n"
     "                      [--format table|json|csv]\n"
     "\n"
     "Donne, à la date, l'état de chaque cession d'actions d'une société de\n"
     "coordination (transfers.csv) selon la clause 7 des statuts types\n"
     "(annexe I à l'article R423-86) et sa prochaine échéance :\n"
     "  FORBIDDEN_50PCT   la cession porterait les SEM non agréées, SPL et\n"
     "                    SEMOP au-delà de 50 % du capital (50 % tout juste\n"
     "                    est admis) ; vérifié en premier, même entre\n"
     "                    actionnaires ;\n"
     "  FREE              l'acquéreur est déjà actionnaire ;\n"
     "  NO_REQUEST        tiers, aucune demande d'agrément reçue ;\n"
     "  PENDING           demande reçue, pas de décision : échéance = réception\n"
     "                    + 3 mois (le silence vaut alors refus) ;\n"
     "  PURCHASE_PENDING  refus exprès (EXPRESS) ou par silence (SILENCE) : la\n"
     "                    société doit faire acheter les actions dans les\n"
     "                    3 mois du refus, ou jusqu'à la prorogation judiciaire\n"
     "                    si elle est plus tardive ;\n"
     "  PURCHASED         actions achetées dans ce délai ;\n"
     "  APPROVED_EXPRESS  agrément exprès du conseil ;\n"
     "  APPROVED_DEEMED   achat non réalisé dans le délai : agrément réputé\n"
     "                    donné.\n"
     "Un mois ajouté garde le quantième, ou prend le dernier jour du mois\n"
     "(31 janvier + 3 mois = 30 avril). Le jour de l'échéance est encore dans\n"
     "le délai ; l'état change le lendemain. Une décision du conseil\n"
     "postérieure à l'échéance ne défait pas le refus par silence. Les\n"
     "événements postérieurs à la date sont ignorés : une cession signée\n"
     "plus tard, sans demande d'agrément reçue à la date, n'est pas listée.\n"
     "Le plafond de 50 % et la qualité d'actionnaire de l'acquéreur se\n"
     "jugent sur l'actionnariat du jour de la signature.\n"
     "Avant le 1er septembre 2019, date d'entrée en vigueur de l'annexe I,\n"
     "les états sont donnés selon ses termes, avec une remarque sur la\n"
     "sortie d'erreur.\n"
     "\n"
     "Options :\n"
     "  --company SIREN    une seule société de coordination\n"
     "\n"
     "Sortie JSON : {\"as_of\", \"transfers\": [{\"id\", \"company\",\n"
     "  \"status\", \"refusal\", \"deadline\", \"trace\"}]}.\n"
     "\n"
     "Exemple (docs/capital.md) :\n"
     "  $ hlm --db exemple.db transfers --as-of 2024-03-15\n"
     "  La cession C3, demande reçue le 31 janvier 2024 sans réponse, est\n"
     "  PENDING jusqu'au 30 avril 2024 ; le 1er mai, le silence vaut refus.\n"},
    {"loans", cmd_loans,
     "avances et prêts participatifs entre organismes (L423-15, L423-16)",
     "Usage : hlm loans [--organism SIREN] [--as-of DATE] [--format FORMAT]\n"
     "\n"
     "Liste les avances en compte courant (L423-15) et les prêts\n"
     "participatifs (L423-16) de loans.csv signés au plus tard à la date,\n"
     "avec leur statut de déclaration et les constats des deux articles.\n"
     "Avec --organism, les prêts dont il est prêteur ou emprunteur.\n"
     "\n"
     "Ce qui est vérifié :\n"
     "  éligibilité, à la date de signature : une avance va à une société\n"
     "    d'HLM (ESH, COOP, SCIC) dont le prêteur détient au moins 5 % du\n"
     "    capital ; un prêt participatif à une société d'HLM qu'il contrôle\n"
     "    (plus de la moitié des voix : voix R422-1-1 pour une SA d'HLM,\n"
     "    actions sinon, ou controlled_by) ; depuis le 1er mai 2019, aussi\n"
     "    à un membre de son groupe. Sinon LOAN_NOT_ELIGIBLE.\n"
     "  taux, à la date de signature : au plus le livret A du jour + 150 pb,\n"
     "    sinon RATE_ABOVE_CAP.\n"
     "  déclaration, selon sa date : déclarée jusqu'au 30 avril 2019, le\n"
     "    prêt est accepté deux mois après sauf opposition conjointe (BOTH)\n"
     "    des deux ministres ; à partir du 1er mai 2019, quinze jours après,\n"
     "    l'opposition d'un seul ministre suffisant. Une opposition compte\n"
     "    si elle est datée strictement avant la date d'accord.\n"
     "    Pas de déclaration : DECLARATION_MISSING ; fonds versés avant\n"
     "    l'accord : DISBURSED_BEFORE_ACCEPTANCE ; versés malgré une\n"
     "    opposition : DISBURSED_DESPITE_OPPOSITION ; caisse de garantie non\n"
     "    informée (guarantor_informed = 0) : GUARANTOR_NOT_INFORMED\n"
     "    (avertissement).\n"
     "\n"
     "Statuts : ACCEPTED (accepté, avec la date d'accord), PENDING (délai\n"
     "d'opposition en cours, avec la date d'accord attendue), OPPOSED,\n"
     "UNDECLARED. Les événements datés après --as-of sont ignorés.\n"
     "\n"
     "JSON : {\"as_of\", \"loans\": [{\"id\", \"kind\", \"status\",\n"
     "\"acceptance_date\", \"trace\", …}], \"findings\": […]}.\n"
     "\n"
     "Exemple (fichiers de docs/examples/money) :\n"
     "  hlm import organisms organisms.csv && hlm import groups groups.csv\n"
     "  hlm import holdings holdings.csv && hlm import loans loans.csv\n"
     "  hlm loans --as-of 2024-06-20\n"
     "  AV-2019-02 : avance de 500 000,00 € signée le 2019-06-03 à 250 pb par\n"
     "  111111118 à 333333334, dont il détient 4 % du capital. Livret A\n"
     "  0,75 % ce jour-là : plafond 225 pb. Déclarée le 2019-06-04 (régime\n"
     "  de quinze jours : accord le 2019-06-19), opposition du ministre de\n"
     "  l'économie le 2019-06-18, versée le 2019-06-20 : statut OPPOSED ;\n"
     "  LOAN_NOT_ELIGIBLE, RATE_ABOVE_CAP, DISBURSED_DESPITE_OPPOSITION,\n"
     "  GUARANTOR_NOT_INFORMED. AV-2024-03, déclarée le 2024-06-10 : PENDING,\n"
     "  accord attendu le 2024-06-25. Code de sortie 1 (violations).\n"},
    {"levy", cmd_levy,
     "prélèvement sur le potentiel financier (L423-14, 2011-2012)",
     "Usage : hlm levy --year AAAA [--organism SIREN]\n"
     "                 [--rates R1,R2,R3,R4 | --calibrate] [--format FORMAT]\n"
     "\n"
     "Calcule le prélèvement sur le potentiel financier dû au titre de\n"
     "l'année AAAA (2011 ou 2012 : L423-14 dans sa rédaction de la loi de\n"
     "finances pour 2011) pour chaque organisme de financials.csv.\n"
     "\n"
     "Calcul, pour un organisme et l'année Y :\n"
     "  1. potentiel par logement de chaque exercice Y-5 … Y-1 =\n"
     "     financial_potential_cents / dwellings ; moyenne des cinq, exacte ;\n"
     "  2. contribution par logement : barème marginal sur la moyenne, 0 sous\n"
     "     900 €, r1 de 900 à 1 500 €, r2 de 1 500 à 2 000 €, r3 de 2 000 à\n"
     "     3 000 €, r4 au-delà (bornes de la loi : r1 400-800, r2 800-1200,\n"
     "     r3 1200-1600, r4 1600-2000 pb) ;\n"
     "  3. avant plafond = logements de Y-1 × contribution ;\n"
     "  4. plafond = (loyers + produits financiers de Y-1) × (800 pb moins\n"
     "     la moyenne des cinq taux de croissance du parc hors acquisitions\n"
     "     auprès d'organismes HLM ou de SEM, si elle est positive ; jamais\n"
     "     sous 0) : six exercices Y-6 … Y-1 sont nécessaires ;\n"
     "  5. prélèvement = le plus petit des deux, arrondi au centime le plus\n"
     "     proche (demi-centime vers le haut).\n"
     "Une donnée manquante : MISSING_FACT (l'organisme est listé avec\n"
     "levy_cents null, hors total). Une année autre que 2011 ou 2012 :\n"
     "TEXT_NOT_IN_FORCE (information), rien n'est dû.\n"
     "\n"
     "Taux : l'arrêté qui les fixait n'est pas connu de hlm ; donnez-les\n"
     "(--rates, en points de base, dans les bornes de la loi) ou demandez\n"
     "--calibrate : un même t entre 0 et 1 pour tous, r_i = bas_i + t ×\n"
     "(haut_i - bas_i), choisi pour que le total national des prélèvements\n"
     "arrondis soit le plus grand possible sans dépasser 175 000 000 € (et,\n"
     "à total égal, le plus petit t). La recherche est exacte (docs/money.md).\n"
     "\n"
     "Options :\n"
     "  --year AAAA          année du prélèvement (obligatoire)\n"
     "  --organism SIREN     un seul organisme (le calibrage reste national)\n"
     "  --rates R1,R2,R3,R4  taux du barème en points de base\n"
     "  --calibrate          calibrer t sur la cible nationale de 175 M€\n"
     "\n"
     "JSON : {\"year\", \"rates_bp\", \"organisms\": [{\"id\",\n"
     "\"avg_potential_per_dwelling_cents\", \"contribution_per_dwelling_cents\",\n"
     "\"dwellings\", \"levy_before_cap_cents\", \"cap_rate_bp\", \"cap_cents\",\n"
     "\"levy_cents\", \"trace\", …}], \"total_cents\", …} ; les valeurs exactes\n"
     "non entières sont des chaînes (\"1234.5\" ou \"1000/3\").\n"
     "\n"
     "Exemple (fichiers de docs/examples/money) :\n"
     "  hlm import financials financials.csv\n"
     "  hlm levy --year 2012 --rates 400,800,1200,1600\n"
     "  333333334 : potentiel moyen 3 500 € par logement ; contribution\n"
     "  600 × 4 % + 500 × 8 % + 1 000 × 12 % + 500 × 16 % = 264 € ; 2 000\n"
     "  logements : 528 000 € avant plafond ; parc stable, taux du plafond\n"
     "  8 % de 6 000 000 € de loyers = 480 000 € : prélèvement 480 000,00 €.\n"
     "  444444442 : exercice 2006 absent, MISSING_FACT.\n"},
    {"costs", cmd_costs,
     "répartition des coûts d'une structure de coopération (L423-6)",
     "Usage : hlm costs STRUCTURE --period PÉRIODE [--format FORMAT]\n"
     "\n"
     "Répartit le coût de chaque service de la structure de coopération\n"
     "STRUCTURE (SIREN) pour la période (AAAA ou AAAA-MM, prise exactement :\n"
     "« 2024 » ne comprend pas « 2024-03 ») entre ses membres, au prorata\n"
     "des unités consommées (usage.csv), puis compare au facturé\n"
     "(invoices.csv) : la structure fonctionne sans rémunération et chaque\n"
     "membre compense le coût exact de son utilisation (L423-6 I et II).\n"
     "\n"
     "Règle de répartition : chaque part est arrondie au centime inférieur,\n"
     "les centimes restants vont un à un aux plus forts restes ; à reste\n"
     "égal, au membre qui a le plus d'unités, puis au plus petit SIREN. Les\n"
     "parts font exactement le coût. Un membre à 0 unité est listé avec 0.\n"
     "Un service sans aucune unité n'est pas réparti : NO_USAGE\n"
     "(avertissement). Un membre dont le facturé diffère de sa part, ou qui\n"
     "n'a pas de facture alors qu'une part lui revient : BILLING_NOT_AT_COST\n"
     "(violation ; code de sortie 1).\n"
     "\n"
     "JSON : {\"structure\", \"period\", \"services\": [{\"service\",\n"
     "\"cost_cents\", \"allocations\": [{\"member\", \"units\",\n"
     "\"amount_cents\"}]}], \"members\": [{\"member\", \"total_cents\"}],\n"
     "\"trace\", …}.\n"
     "\n"
     "Exemple (fichiers de docs/examples/money) :\n"
     "  hlm import cooperation cooperation.csv && hlm import services\n"
     "  services.csv && hlm import usage usage.csv && hlm import invoices\n"
     "  invoices.csv\n"
     "  hlm costs 555555556 --period 2024\n"
     "  INFORMATIQUE, 100 000,00 € pour 3 + 3 + 1 unités : 42 857,14 €,\n"
     "  42 857,14 € et 14 285,72 € (le centime restant va au plus fort\n"
     "  reste, 3/7 contre 2/7). JURIDIQUE, 20 000,00 € pour 1 + 1 + 1 + 0 :\n"
     "  6 666,67 €, 6 666,67 €, 6 666,66 € (restes égaux : plus petits\n"
     "  SIREN d'abord) et 0 €. 222222226 facturé 49 523,80 € au lieu de\n"
     "  49 523,81 € et 777777772 sans facture : BILLING_NOT_AT_COST.\n"},
};

const cli_cmd *cli_commands(size_t *n) {
  *n = sizeof commands / sizeof commands[0];
  return commands;
}

const cli_cmd *cli_find(const char *name) {
  size_t i, n;
  const cli_cmd *c = cli_commands(&n);
  for (i = 0; i < n; i++)
    if (strcmp(c[i].name, name) == 0)
      return &c[i];
  return NULL;
}

static void usage(FILE *out) {
  size_t i, n;
  const cli_cmd *c = cli_commands(&n);
  fprintf(out,
          "hlm %s — le Code de la construction et de l'habitation appliqué "
          "aux organismes d'HLM\n\n"
          "Usage : hlm [--db CHEMIN] COMMANDE [ARGUMENTS]\n\nCommandes :\n",
          HLM_VERSION);
  for (i = 0; i < n; i++)
    fprintf(out, "  %-12s %s\n", c[i].name, c[i].summary_fr);
  fprintf(out,
          "\nOptions communes : --db CHEMIN, --as-of AAAA-MM-JJ, --format "
          "table|json|csv, --help.\n"
          "« hlm COMMANDE --help » détaille chaque commande.\n");
}

static hlm_date today(void) {
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  return hlm_date_make(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int main(int argc, char **argv) {
  cli_ctx ctx;
  const cli_cmd *cmd;
  int i = 1;
  memset(&ctx, 0, sizeof ctx);
  ctx.prog = "hlm";
  {
    const char *env_db = getenv("HLM_DB");
    ctx.db = env_db && *env_db ? env_db : "hlm.db";
  }
  ctx.as_of = today();
  ctx.tty = isatty(STDOUT_FILENO);
  ctx.progress = isatty(STDERR_FILENO);
  ctx.fmt = FMT_TABLE;

  /* global options before the command */
  while (i < argc && strncmp(argv[i], "--", 2) == 0) {
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      usage(stdout);
      return EXIT_OK_;
    }
    if (strcmp(argv[i], "--version") == 0) {
      printf("hlm %s (schéma de base %d)\n", HLM_VERSION,
             hlm_store_schema_version());
      return EXIT_OK_;
    }
    if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
      ctx.db = argv[i + 1];
      i += 2;
      continue;
    }
    if (strncmp(argv[i], "--db=", 5) == 0) {
      ctx.db = argv[i] + 5;
      i++;
      continue;
    }
    fprintf(stderr, "hlm : option globale inconnue « %s »\n", argv[i]);
    usage(stderr);
    return EXIT_USAGE;
  }
  if (i >= argc) {
    usage(stderr);
    return EXIT_USAGE;
  }
  if (strcmp(argv[i], "help") == 0) {
    if (i + 1 < argc && (cmd = cli_find(argv[i + 1])) != NULL) {
      char *a[] = {argv[i + 1], "--help", NULL};
      return cmd->fn(&ctx, 2, a);
    }
    usage(stdout);
    return EXIT_OK_;
  }
  cmd = cli_find(argv[i]);
  if (!cmd) {
    fprintf(stderr, "hlm : commande inconnue « %s »\n\n", argv[i]);
    usage(stderr);
    return EXIT_USAGE;
  }
  return cmd->fn(&ctx, argc - i, argv + i);
}
