#!/usr/bin/env python3
"""Rebuilds the shipped unit registry (units.csv) from its sources (docs/registry.md).

Keeps the province and district rows already in units.csv (edited by hand, with their
sources in docs/movement.md), writes the 27 provincial agencies listed below (codes are
thidua's own) and the 244 commune-level units of 2016-2020 from sources/communes-2017.csv
(GSO codes and names), with the spelling variants of sources/spelling-variants.csv as
aliases and the poor-commune and mountain flags of sources/special-communes.csv.
"""
import csv, unicodedata, collections
import os
HERE=os.path.dirname(os.path.abspath(__file__))
R=os.path.join(HERE,'sources')+'/'
UNITS=os.path.join(HERE,'..','..','Sources','ThiDuaCore','Resources','ke-hoach-5201','units.csv')
old=list(csv.DictReader(open(UNITS)))
districts=[r for r in old if r['category'] in ('TINH','HUYEN')]
darea={r['code']:r['area_type'] for r in districts}
communes=list(csv.DictReader(open(R+'communes-2017.csv')))
variants=collections.defaultdict(list)
for v in csv.DictReader(open(R+'spelling-variants.csv')):
    variants[v['code']].append(v['variant'])
special=collections.defaultdict(set)
for s in csv.DictReader(open(R+'special-communes.csv')):
    special[s['code']].add(s['list'])
def nfc(s): return unicodedata.normalize('NFC',' '.join(s.split()))
rows=[]
fields=['code','name','aliases','category','parent','area_type','poor_area','cluster','sample']
for r in districts: rows.append({k:r[k] for k in fields})
# Provincial agencies: the common departments of NĐ 24/2014/NĐ-CP (Điều 8), the province's
# own (Sở Ngoại vụ, Ban Dân tộc), the offices, the Front and the mass organisations.
deps=[
 ('SNV','Sở Nội vụ','Sở Nội vụ tỉnh|SNV','Khối tham mưu'),
 ('STP','Sở Tư pháp','','Khối tham mưu'),
 ('SKHDT','Sở Kế hoạch và Đầu tư','Sở KH&ĐT|Sở KHĐT','Khối tham mưu'),
 ('STC','Sở Tài chính','','Khối tham mưu'),
 ('SCT','Sở Công Thương','','Khối kinh tế'),
 ('SNNPTNT','Sở Nông nghiệp và Phát triển nông thôn','Sở NN&PTNT|Sở NNPTNT','Khối kinh tế'),
 ('SGTVT','Sở Giao thông vận tải','Sở GTVT','Khối kinh tế'),
 ('SXD','Sở Xây dựng','','Khối kinh tế'),
 ('STNMT','Sở Tài nguyên và Môi trường','Sở TN&MT|Sở TNMT','Khối kinh tế'),
 ('STTTT','Sở Thông tin và Truyền thông','Sở TT&TT|Sở TTTT','Khối văn hóa - xã hội'),
 ('SLDTBXH','Sở Lao động - Thương binh và Xã hội','Sở LĐ-TB&XH|Sở LĐTBXH|Sở Lao động, Thương binh và Xã hội','Khối văn hóa - xã hội'),
 ('SVHTTDL','Sở Văn hóa, Thể thao và Du lịch','Sở VH-TT&DL|Sở VHTTDL','Khối văn hóa - xã hội'),
 ('SKHCN','Sở Khoa học và Công nghệ','Sở KH&CN|Sở KHCN','Khối tham mưu'),
 ('SGDDT','Sở Giáo dục và Đào tạo','Sở GD&ĐT|Sở GDĐT','Khối văn hóa - xã hội'),
 ('SYT','Sở Y tế','','Khối văn hóa - xã hội'),
 ('SNGV','Sở Ngoại vụ','','Khối tham mưu'),
 ('TTT','Thanh tra tỉnh','Thanh tra tỉnh Quảng Nam','Khối tham mưu'),
 ('VPUBND','Văn phòng UBND tỉnh','Văn phòng Ủy ban nhân dân tỉnh|VP UBND tỉnh','Khối tham mưu'),
 ('VPDBQH','Văn phòng Đoàn ĐBQH và HĐND tỉnh','Văn phòng Đoàn Đại biểu Quốc hội và Hội đồng nhân dân tỉnh','Khối tham mưu'),
 ('BDT','Ban Dân tộc tỉnh','Ban Dân tộc','Khối tham mưu'),
 ('NHCSXH','Ngân hàng Chính sách xã hội chi nhánh tỉnh','Ngân hàng Chính sách xã hội tỉnh|NHCSXH tỉnh|Chi nhánh NHCSXH tỉnh','Khối kinh tế'),
 ('MTTQ','Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh','UBMTTQVN tỉnh|Mặt trận Tổ quốc tỉnh|Ủy ban MTTQ Việt Nam tỉnh|Ủy ban MTTQVN tỉnh','Khối đoàn thể'),
 ('HLHPN','Hội Liên hiệp Phụ nữ tỉnh','Hội LHPN tỉnh','Khối đoàn thể'),
 ('TDOAN','Tỉnh Đoàn','Đoàn TNCS Hồ Chí Minh tỉnh|Tỉnh đoàn Quảng Nam','Khối đoàn thể'),
 ('HND','Hội Nông dân tỉnh','','Khối đoàn thể'),
 ('HCCB','Hội Cựu chiến binh tỉnh','Hội CCB tỉnh','Khối đoàn thể'),
 ('LDLD','Liên đoàn Lao động tỉnh','LĐLĐ tỉnh','Khối đoàn thể'),
]
for code,name,al,cl in deps:
    rows.append(dict(code=code,name=name,aliases=al,category='SO_NGANH',parent='49',area_type='',poor_area='',cluster=cl,sample=''))
prefix={'xa':'Xã ','phuong':'Phường ','thi_tran':'Thị trấn '}
for c in communes:
    name=nfc(c['name']); bare=name[len(prefix[c['kind']]):]
    al=[]
    if c['kind']=='thi_tran': al.append('TT '+bare)
    for v in variants.get(c['code'],[]):
        v=nfc(v)
        low=v.lower()
        if low.startswith(('xã ','phường ','thị trấn ')): continue  # raw GSO forms of the name itself
        if v not in al and v!=bare and v.lower()!=bare.lower(): al.append(v)
    area=darea[c['district_code']]
    if 'kv1_lowland_partial' in special[c['code']]: area='mien_nui'
    poor='xa_ngheo' if special[c['code']] & {'ct135_dbkk_2017_2020','bai_ngang_2016_2020'} else ''
    rows.append(dict(code=c['code'],name=name,aliases='|'.join(al),category='XA',parent=c['district_code'],area_type=area,poor_area=poor,cluster='',sample=''))
w=csv.DictWriter(open(UNITS,'w',newline=''),fieldnames=fields,lineterminator='\n')
w.writeheader(); w.writerows(rows)
print(len(rows), collections.Counter(r['category'] for r in rows), sum(1 for r in rows if r['poor_area']=='xa_ngheo'))
