# make_cases.py: writes the fixtures of tests/data/ (good files) and the
# bad-input cases of tests/badinput/ (NAME.cmd + NAME.csv).  Run from
# tests/; the expected stderr files (NAME.err) are written by
# `badinput.sh --update` and reviewed by hand.
import os
def luhn_ok(s):
    t=0
    for i,ch in enumerate(reversed(s)):
        d=int(ch)
        if i%2==1:
            d*=2
            if d>9: d-=9
        t+=d
    return t%10==0
def siren(base8):
    for k in range(10):
        s=f"{base8:08d}{k}"
        if luhn_ok(s): return s
def siret(sir, nic4):
    for k in range(10):
        s=f"{sir}{nic4:04d}{k}"
        if luhn_ok(s): return s
OWN=siren(27500001); OWN2=siren(27500002); MGR=siren(27500003); SUBOWN=siren(27500004)
SIRET=siret(SUBOWN,1)
D='data'
os.makedirs(D, exist_ok=True); os.makedirs('badinput', exist_ok=True)
open(f'{D}/organisms.csv','w').write(
"id;name;kind;departement;group_id;rpls_number\n"
f"{OWN};Office public de test;OPH;75;G1;\n"
f"{OWN2};ESH de test;ESH;69;G1;\n"
f"{MGR};Coopérative gestionnaire;COOP;75;;\n"
f"{SUBOWN};Office déposant;OPH;93;;R93000001\n"
f"{siren(27500005)};Gestionnaire désigné pos 53;ESH;93;;R93000002\n")
open(f'{D}/groups.csv','w').write("id;name;kind;head_id;departement\nG1;Groupe de test;SOC_COORDINATION;%s;75\n"%OWN)
open(f'{D}/foyers.csv','w').write("owner;manager;structure_id;beds;autonomous;dwellings;conv;construct;year\n%s;;F1;120;0;;1;1985;2024\n"%OWN)
HDR="siren;manager;DEPCOM;CODEPOSTAL;DROIT_CODE;TYPECONST_CODE;NBPIECE;SURFHAB;CONSTRUCT;LOCAT;PATRIMOINE;ORIGINE;FINAN_CODE;CONV;QPV_CODE;DPEENERGIE;DPESERRE"
rows=[f"{OWN};;75056;75011;1;C;3;65;1972;1973;1972;1;52;2;2;D;E",
      f"{OWN};{MGR};75056;75012;1;C;2;48;1990;1991;1990;1;13;1;2;C;C",
      f"{OWN};;69123;69003;1;I;4;82;2019;2020;2019;1;13;1;1;B;A",
      f"{OWN2};;69123;69007;1;C;3;70;1965;1966;2001;2;99;2;2;E;F",
      f"{OWN2};;2A004;20000;3;C;1;30;2021;2022;2021;4;14;1;2;A;A"]
open(f'{D}/rpls-od.csv','w').write(HDR+"\n"+"\n".join(rows)+"\n")
open(f'{D}/rpls-od-crlf.csv','w',newline='').write(HDR+"\r\n"+"\r\n".join(rows)+"\r\n")
open(f'{D}/rpls-od-own2.csv','w').write(HDR+"\n"+f"{OWN2};;69123;69007;1;C;3;70;1960;1961;1960;1;52;2;2;E;F\n")
def subline(kw={}):
    v=['']*64
    base={1:'',2:'SI0001',3:'1',4:'93066',5:'93200',6:'Saint-Denis',7:'12',9:'rue',10:'de la République',
          22:'2',23:'C',24:'3',25:'65',26:'1972',27:'1973',28:'1972',29:'1',32:'52',34:'2',37:'9',40:'1',41:'03/2015',
          42:'3',43:'65',44:'420',45:'30',46:'0',47:'13',48:'06/2019',49:'D',50:'E',56:'450',63:'7'}
    base.update(kw)
    for k,x in base.items(): v[k-1]=x
    return ";".join(v)
def subfile(lines, declared=None, year='2024', siret_=SIRET):
    n=len(lines) if declared is None else declared
    return f"{year};R93000001;Office déposant;;;;12 rue de la Paix;;93200 SAINT-DENIS;{siret_};{n};\n"+"\n".join(lines)+"\n"
good_sub=[subline(), subline({2:'SI0002',53:'R93000002',34:'1',36:'01/07/1995',32:'12',26:'1994',28:'1995',27:'1995'}),
          subline({2:'SI0003',53:'R93000001',23:'E',26:'2020',27:'2021',28:'2020'})]
open(f'{D}/rpls-sub.csv','w').write(subfile(good_sub))
B='badinput'
def case(name, args, content, binary=False):
    fn=f'{name}.csv'
    with open(f'{B}/{fn}','wb' if binary else 'w') as f: f.write(content)
    open(f'{B}/{name}.cmd','w').write(args.replace('FILE',fn)+"\n")
def od(rowlist, hdr=HDR): return hdr+"\n"+"\n".join(rowlist)+"\n"
r0=rows[0]
case('rpls-od-unknown-column','import rpls FILE --year 2024', od([r0+";x"],HDR+";FOO"))
case('rpls-od-bad-conv','import rpls FILE --year 2024', od([r0[:-7]+"3;2;D;E"]))
bad_key=OWN[:8]+str((int(OWN[8])+1)%10)
case('rpls-od-bad-siren-key','import rpls FILE --year 2024', od([r0.replace(OWN,bad_key)]))
case('rpls-od-latin1','import rpls FILE --year 2024', (HDR+";LIBCOM\n"+r0+";Cr\xe9teil\n").encode('latin-1'), binary=True)
case('rpls-od-empty','import rpls FILE --year 2024', "")
case('rpls-od-duplicate-column','import rpls FILE --year 2024', od([r0+";1"],HDR+";CONV"))
case('rpls-od-alias-duplicate','import rpls FILE --year 2024', od([r0+";75056"],HDR+";DEPCOM_CODE"))
case('rpls-od-missing-year','import rpls FILE', od([r0]))
case('rpls-od-bad-depcom','import rpls FILE --year 2024', od([r0.replace(';75056;',';20001;'), rows[1].replace(';75056;',';7505;')]))
case('rpls-od-year-after-millesime','import rpls FILE --year 2024', od([r0.replace(';1972;1973;1972;',';2025;2025;2025;')]))
case('rpls-od-cr-inside','import rpls FILE --year 2024', od([r0.replace(';75011;',';750\r11;')]))
case('rpls-od-truncated-last-line','import rpls FILE --year 2024', HDR+"\n"+r0+"\n"+rows[1][:40])
case('rpls-od-missing-column','import rpls FILE --year 2024', od([';'.join(x for i,x in enumerate(r0.split(';')) if i!=13)], ';'.join(x for i,x in enumerate(HDR.split(';')) if i!=13)))
case('rpls-od-bad-finan','import rpls FILE --year 2024', od([r0.replace(';52;2;2;',';48;2;2;')]))
case('rpls-od-bad-dpe','import rpls FILE --year 2024', od([r0[:-3]+"H;E"]))
case('rpls-od-too-many-fields','import rpls FILE --year 2024', od([r0+";extra"]))
case('rpls-od-no-owner','import rpls FILE --year 2024', od([r0.split(';',1)[1]], HDR.split(';',1)[1]))
case('rpls-od-unterminated-quote','import rpls FILE --year 2024', od([r0.replace(';75011;',';"75011;')]))
case('rpls-od-year-before-1800','import rpls FILE --year 2024', od([r0.replace(';1972;1973;1972;',';1750;1973;1972;')]))
case('rpls-od-bad-manager','import rpls FILE --year 2024', od([rows[1].replace(MGR,'12345678A')]))
case('rpls-od-several-errors-capped','import rpls FILE --year 2024 --max-errors 2', od([r0.replace(';52;2;2;',';48;2;2;'), r0.replace(';75056;',';99999;'), r0[:-3]+"Z;E"]))
case('rpls-validate-bad-code','rpls validate FILE --year 2024', od([r0.replace(';1;C;3;',';7;C;3;')]))
l=good_sub[0].split(';'); del l[40]
case('rpls-sub-63-fields','import rpls FILE', subfile([good_sub[0], ';'.join(l)]))
case('rpls-sub-count-mismatch','import rpls FILE', subfile(good_sub[:2], declared=3))
bad_siret=SIRET[:13]+str((int(SIRET[13])+1)%10)
case('rpls-sub-bad-siret-key','import rpls FILE', subfile(good_sub[:1], siret_=bad_siret))
case('rpls-sub-bad-header-year','import rpls FILE', subfile(good_sub[:1], year='24'))
case('rpls-sub-bad-date','import rpls FILE', subfile([subline({36:'31/02/2020',34:'1'})]))
case('rpls-sub-bad-month','import rpls FILE', subfile([subline({48:'13/2020'})]))
case('rpls-sub-bad-typeconst','import rpls FILE', subfile([subline({23:'X'})]))
case('rpls-sub-bad-droit','import rpls FILE', subfile([subline({3:'6'})]))
case('rpls-sub-year-after-millesime','import rpls FILE', subfile([subline({26:'2025'})]))
case('rpls-sub-bad-pos53','import rpls FILE', subfile([subline({53:'R93-0001'})]))
case('rpls-sub-owner-mismatch','import rpls FILE --owner '+OWN, subfile(good_sub[:1]))
case('rpls-sub-missing-required','import rpls FILE', subfile([subline({29:'',34:''})]))
case('organisms-bad-siren','import organisms FILE', "id;name;kind;departement\n123456789;Org;OPH;75\n")
case('organisms-unknown-column','import organisms FILE', f"id;name;kind;departement;colour\n{OWN};Org;OPH;75;bleu\n")
case('organisms-bad-kind','import organisms FILE', f"id;name;kind;departement\n{OWN};Org;HLM;75\n")
case('organisms-latin1','import organisms FILE', f"id;name;kind;departement\n{OWN};Soci\xe9t\xe9;OPH;75\n".encode('latin-1'), binary=True)
case('organisms-empty','import organisms FILE', "")
case('organisms-duplicate-header','import organisms FILE', f"id;name;kind;name\n{OWN};Org;OPH;Org\n")
case('groups-missing-column','import groups FILE', "id;name;kind;departement\nG2;Groupe;CONTROL;75\n")
case('foyers-bad-conv','import foyers FILE', f"owner;structure_id;beds;conv;construct;year\n{OWN};F2;40;3;1990;2024\n")
case('foyers-construct-after-year','import foyers FILE', f"owner;structure_id;beds;conv;construct;year\n{OWN};F2;40;1;2025;2024\n")
case('foyers-wrong-field-count','import foyers FILE', f"owner;structure_id;beds;conv;construct;year\n{OWN};F2;40;1;1990\n")
