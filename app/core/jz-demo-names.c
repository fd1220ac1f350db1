/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Word lists of the demo generator: surnames, given names, place names,
 * banks and illnesses.  Every person and place they make up is fictitious. */

#include "config.h"

#include "jz-demo-private.h"

/* The most common surnames with their share of the population in units of
 * 0.01 %, after the 2020 census: the demo's name list looks like a real
 * roll, where 王 and 李 fill a page and 覃 turns up once in a while. */
static const char * const surnames[] = {
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
  "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗",
  "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
  "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
  "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈",
  "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金",
  "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟",
  "熊", "秦", "邱", "江", "尹", "薛", "闫", "段", "雷", "侯",
  "龙", "史", "陶", "黎", "贺", "顾", "毛", "郝", "龚", "邵",
  "万", "钱", "严", "覃", "武", "戴", "莫", "孔", "向", "汤",
};

static const guint surname_weights[] = {
  712, 700, 674, 510, 461, 322, 245, 229, 205, 191,
  152, 151, 145, 126, 122, 118, 117, 109, 108, 106,
   86,  83,  73,  72,  71,  66,  66,  65,  64,  63,
   58,  58,  56,  53,  52,  51,  50,  49,  48,  47,
   46,  45,  44,  43,  42,  41,  41,  40,  40,  38,
   37,  36,  35,  34,  33,  33,  32,  31,  30,  30,
   29,  28,  28,  27,  27,  26,  26,  25,  25,  25,
   24,  24,  24,  23,  23,  22,  22,  22,  21,  21,
   21,  20,  20,  20,  19,  19,  19,  18,  18,  18,
   17,  17,  17,  16,  16,  16,  16,  15,  15,  15,
};

G_STATIC_ASSERT (G_N_ELEMENTS (surnames) == G_N_ELEMENTS (surname_weights));

/* Given names follow fashion: a woman born in 1940 is 秀英 or 桂兰, one
 * born in 2010 is 欣怡 or 梓涵.  Three eras, each with whole names that
 * were common then and characters to combine into less common ones. */
typedef struct
{
  const char * const *whole;
  guint               n_whole;
  const char * const *chars;
  guint               n_chars;
  guint               single_per_mille;
} NamePool;

static const char * const male_old_whole[] = {
  "建国", "建军", "国庆", "国强", "国华", "德明", "德胜", "志刚", "志强", "福生",
  "长顺", "振华", "玉山", "永祥", "春生", "树林", "洪亮", "金海", "宝山", "庆丰",
  "保国", "文革", "卫东", "长林", "永福", "广田", "德福", "顺利", "学军", "爱国",
};
static const char * const male_old_chars[] = {
  "军", "明", "强", "刚", "林", "海", "华", "福", "贵", "山", "成", "祥", "忠",
  "德", "永", "庆", "文", "武", "春", "生", "树", "荣", "发", "顺", "全", "友",
};
static const char * const male_mid_whole[] = {
  "海涛", "建华", "晓东", "志勇", "文杰", "俊峰", "红军", "立新", "宏伟", "建平",
  "振宇", "海军", "永强", "晓明", "学峰", "东升", "国栋", "亚军", "春雷", "卫国",
  "新华", "金龙", "伟东", "志华", "建伟", "立强", "国平", "明辉", "海波", "洪涛",
};
static const char * const male_mid_chars[] = {
  "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "鹏", "辉", "亮", "健",
  "波", "飞", "峰", "刚", "明", "永", "兵", "东", "建", "志", "国", "平", "涛",
};
static const char * const male_young_whole[] = {
  "子轩", "浩然", "宇航", "梓豪", "俊杰", "一鸣", "博文", "皓轩", "宇泽", "天佑",
  "思远", "嘉豪", "明轩", "家乐", "晨阳", "浩宇", "子墨", "铭泽", "睿哲", "俊熙",
  "奕辰", "宇轩", "子豪", "泽宇", "昊天", "博涛", "佳豪", "梓睿", "逸凡", "一航",
};
static const char * const male_young_chars[] = {
  "浩", "宇", "轩", "博", "泽", "晨", "睿", "航", "鑫", "然", "昊", "辰", "凯",
  "俊", "哲", "铭", "琪", "豪", "杰", "阳", "宁", "帆", "毅", "锐", "翔", "朗",
};
static const char * const female_old_whole[] = {
  "秀英", "桂英", "秀兰", "玉兰", "桂兰", "凤英", "淑珍", "玉珍", "秀珍", "桂芝",
  "翠花", "春花", "玉梅", "桂芳", "兰英", "素芬", "凤兰", "金凤", "秀云", "玉英",
  "淑英", "桂珍", "秀芳", "玉华", "凤琴", "素珍", "秀荣", "桂香", "玉芬", "月英",
};
static const char * const female_old_chars[] = {
  "英", "兰", "珍", "芳", "梅", "花", "秀", "桂", "玉", "凤", "琴", "云", "香",
  "荣", "芬", "淑", "翠", "素", "月", "莲", "菊", "娥", "霞", "萍", "贞", "枝",
};
static const char * const female_mid_whole[] = {
  "丽娟", "晓燕", "海燕", "红梅", "丽华", "春燕", "晓红", "雪梅", "秀梅", "玉霞",
  "丽萍", "红霞", "艳红", "美玲", "晓丽", "静怡", "丽丽", "晓霞", "建英", "红艳",
  "小燕", "海霞", "丽君", "彩霞", "桂红", "艳玲", "秀丽", "晓静", "文静", "慧敏",
};
static const char * const female_mid_chars[] = {
  "丽", "芳", "娟", "敏", "静", "艳", "燕", "霞", "红", "萍", "玲", "梅", "丹",
  "莉", "洁", "琳", "慧", "颖", "晶", "青", "华", "美", "晓", "雪", "春", "翠",
};
static const char * const female_young_whole[] = {
  "梓涵", "欣怡", "诗涵", "雨涵", "子涵", "一诺", "可馨", "思琪", "佳怡", "雨欣",
  "梦瑶", "语嫣", "若曦", "紫萱", "欣妍", "梓萱", "艺涵", "雨桐", "佳琪", "思雨",
  "诗琪", "雅琪", "心怡", "嘉怡", "梦琪", "悦彤", "芷若", "雨萱", "婉婷", "沐晴",
};
static const char * const female_young_chars[] = {
  "欣", "怡", "婷", "雪", "颖", "琪", "萱", "涵", "悦", "彤", "妍", "瑶", "雯",
  "馨", "璐", "蕾", "菲", "晴", "媛", "洁", "倩", "睿", "琳", "玥", "诺", "桐",
};

#define POOL(whole, chars, single) \
  { whole, G_N_ELEMENTS (whole), chars, G_N_ELEMENTS (chars), single }

static const NamePool name_pools[2][3] = {
  {
    POOL (male_old_whole, male_old_chars, 250),
    POOL (male_mid_whole, male_mid_chars, 300),
    POOL (male_young_whole, male_young_chars, 180),
  },
  {
    POOL (female_old_whole, female_old_chars, 150),
    POOL (female_mid_whole, female_mid_chars, 300),
    POOL (female_young_whole, female_young_chars, 150),
  },
};

#undef POOL

static void
append (char       *out,
        gsize       out_size,
        const char *text)
{
  g_strlcat (out, text, out_size);
}

const char *
jz_demo_surname (JzDemoRng *rng)
{
  return surnames[jz_demo_rng_weighted (rng, surname_weights, G_N_ELEMENTS (surname_weights))];
}

void
jz_demo_given_name (JzDemoRng *rng,
                    char       sex,
                    int        birth_year,
                    char      *out,
                    gsize      out_size)
{
  int era = birth_year < 1960 ? 0 : birth_year < 1990 ? 1 : 2;
  const NamePool *pool = &name_pools[sex == 'F'][era];

  if (jz_demo_rng_permille (rng, pool->single_per_mille))
    append (out, out_size, pool->chars[jz_demo_rng_below (rng, pool->n_chars)]);
  else if (jz_demo_rng_permille (rng, 600))
    append (out, out_size, pool->whole[jz_demo_rng_below (rng, pool->n_whole)]);
  else
    {
      guint a = jz_demo_rng_below (rng, pool->n_chars);
      guint b = jz_demo_rng_below (rng, pool->n_chars);

      /* 丽丽 and 婷婷 exist, but most doubled names would look made up. */
      if (a == b && !jz_demo_rng_permille (rng, 200))
        b = (b + 1) % pool->n_chars;
      append (out, out_size, pool->chars[a]);
      append (out, out_size, pool->chars[b]);
    }
}

void
jz_demo_person_name (JzDemoRng  *rng,
                     const char *surname,
                     char        sex,
                     int         birth_year,
                     char       *out,
                     gsize       out_size)
{
  out[0] = '\0';
  append (out, out_size, surname);
  jz_demo_given_name (rng, sex, birth_year, out, out_size);
}

/* Village names as the North China plain has them: a clan name with 家庄
 * or 集, a position and a landmark (后洼, 东河), or an old wish (太平,
 * 兴隆).  Community names come from the residents' committees of the
 * 1950s to the 2000s. */
static const char * const clan_suffixes[] = {
  "家庄", "庄", "家村", "家集", "家营", "家屯", "家店", "家楼", "家寨", "家洼",
  "家峪", "家坡", "家岭", "家铺", "家桥", "家河", "家湾", "家疃", "官庄", "家园",
};
static const char * const positions[] = {
  "东", "西", "南", "北", "前", "后", "上", "下", "大", "小", "新", "老", "中",
};
static const char * const landmarks[] = {
  "河", "山", "岭", "沟", "桥", "洼", "坡", "营", "店", "庄", "屯", "园", "楼",
  "峪", "泉", "湖", "坞", "寨", "井", "塘",
};
static const char * const wishes[] = {
  "太平", "永安", "兴隆", "丰收", "长乐", "福田", "青石", "杏花", "柳林", "桃园",
  "梨园", "枣林", "槐树", "柏树", "杨树", "石门", "石佛", "龙泉", "凤凰", "白马",
  "黄土", "红土", "马鞍", "卧龙", "双井", "三里", "五里", "七里", "十里", "八里",
};
static const char * const wish_suffixes[] = { "", "", "庄", "屯", "铺", "店", "营" };
static const char * const community_words[] = {
  "幸福", "和平", "建设", "光明", "文化", "友谊", "新华", "胜利", "朝阳", "阳光",
  "锦绣", "春晖", "翠苑", "银河", "金桥", "花园", "康乐", "长青", "东风", "民主",
  "团结", "振兴", "兴隆", "富民", "安居", "和谐", "平安", "惠民", "紫荆", "玉兰",
  "桃园", "杏林", "柳岸", "青年", "育才", "滨河", "湖滨", "北苑", "南苑", "新村",
  "华苑", "龙泉", "凤鸣", "泰和", "嘉禾", "颐和", "书香", "丽景", "怡景", "金色",
};
static const char * const community_suffixes[] = { "", "", "", "路", "里", "苑", "园", "花园", "家园" };

void
jz_demo_place_name (JzDemoRng *rng,
                    gboolean   community,
                    char      *out,
                    gsize      out_size)
{
  out[0] = '\0';

  if (community)
    {
      append (out, out_size, community_words[jz_demo_rng_below (rng, G_N_ELEMENTS (community_words))]);
      append (out, out_size, community_suffixes[jz_demo_rng_below (rng, G_N_ELEMENTS (community_suffixes))]);
      append (out, out_size, "社区");
      return;
    }

  switch (jz_demo_rng_below (rng, 10))
    {
    case 0: case 1: case 2: case 3: case 4:
      /* Clan villages take the surnames in their real proportions too. */
      append (out, out_size, jz_demo_surname (rng));
      append (out, out_size, clan_suffixes[jz_demo_rng_below (rng, G_N_ELEMENTS (clan_suffixes))]);
      break;

    case 5: case 6: case 7:
      append (out, out_size, positions[jz_demo_rng_below (rng, G_N_ELEMENTS (positions))]);
      append (out, out_size, landmarks[jz_demo_rng_below (rng, G_N_ELEMENTS (landmarks))]);
      break;

    default:
      append (out, out_size, wishes[jz_demo_rng_below (rng, G_N_ELEMENTS (wishes))]);
      append (out, out_size, wish_suffixes[jz_demo_rng_below (rng, G_N_ELEMENTS (wish_suffixes))]);
      break;
    }

  append (out, out_size, "村");
}

static const char * const illnesses[] = {
  "恶性肿瘤", "尿毒症", "白血病", "重性精神病", "脑卒中后遗症", "冠心病",
  "慢性肾功能衰竭", "肝硬化", "系统性红斑狼疮", "再生障碍性贫血", "帕金森病",
  "糖尿病并发症", "耐多药肺结核", "血友病",
};
static const guint illness_weights[] = {
  30, 12, 4, 8, 20, 10, 6, 5, 2, 1, 4, 6, 1, 1,
};

G_STATIC_ASSERT (G_N_ELEMENTS (illnesses) == G_N_ELEMENTS (illness_weights));

const char *
jz_demo_illness (JzDemoRng *rng)
{
  return illnesses[jz_demo_rng_weighted (rng, illness_weights, G_N_ELEMENTS (illness_weights))];
}

/* Payments go to a bank card in the recipient's name; rural offices pay
 * mostly through the rural commercial bank and the postal savings bank,
 * which have a branch in every town.  The card numbers built on these
 * prefixes are random and belong to nobody. */
typedef struct
{
  const char *name;
  const char *prefix;
  guint       urban_weight;
  guint       rural_weight;
} Bank;

static const Bank banks[] = {
  { "中国工商银行",     "6222", 25,  5 },
  { "中国农业银行",     "6228", 15, 20 },
  { "中国银行",         "6216", 10,  3 },
  { "中国建设银行",     "6217", 20,  5 },
  { "中国邮政储蓄银行", "6221", 15, 27 },
  { "青禾农村商业银行", "6231", 15, 40 },
};

const char *
jz_demo_bank (JzDemoRng   *rng,
              gboolean     urban,
              const char **card_prefix)
{
  guint weights[G_N_ELEMENTS (banks)];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (banks); i++)
    weights[i] = urban ? banks[i].urban_weight : banks[i].rural_weight;

  i = jz_demo_rng_weighted (rng, weights, G_N_ELEMENTS (banks));
  *card_prefix = banks[i].prefix;
  return banks[i].name;
}
