/*
 * text.c — see text.h.
 *
 * The width tables are written from the Unicode character database
 * (general categories Mn/Me/Cf for width 0, East_Asian_Width W/F for width 2)
 * rather than taken from wcwidth(): under the C locale glibc says -1 for every
 * CJK character, and terminals agree with Unicode, not with the locale.
 */
#include <stdlib.h>
#include <string.h>

#include "okr/text.h"
#include "okr/util.h"

struct range {
	uint32_t lo, hi;
};

/* Generated from Unicode 14.0: categories Mn, Me and Cf, except the Cf that
 * are drawn (soft hyphen, Arabic number signs) and the bidi controls, which
 * are replaced instead; plus the whole combining blocks (so that marks newer
 * than 14.0 there are zero too), Hangul medial/final jamo and the emoji skin
 * tone modifiers, which terminals draw inside the previous cell. Ranges are
 * merged across unassigned gaps. Sorted, non-overlapping. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x05BF, 0x05BF },
	{ 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 }, { 0x05C7, 0x05C7 }, { 0x0610, 0x061A },
	{ 0x061C, 0x061C }, { 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC },
	{ 0x06DF, 0x06E4 }, { 0x06E7, 0x06E8 }, { 0x06EA, 0x06ED }, { 0x0711, 0x0711 },
	{ 0x0730, 0x074A }, { 0x07A6, 0x07B0 }, { 0x07EB, 0x07F3 }, { 0x07FD, 0x07FD },
	{ 0x0816, 0x0819 }, { 0x081B, 0x0823 }, { 0x0825, 0x0827 }, { 0x0829, 0x082D },
	{ 0x0859, 0x085B }, { 0x0898, 0x089F }, { 0x08CA, 0x08E1 }, { 0x08E3, 0x0902 },
	{ 0x093A, 0x093A }, { 0x093C, 0x093C }, { 0x0941, 0x0948 }, { 0x094D, 0x094D },
	{ 0x0951, 0x0957 }, { 0x0962, 0x0963 }, { 0x0981, 0x0981 }, { 0x09BC, 0x09BC },
	{ 0x09C1, 0x09C4 }, { 0x09CD, 0x09CD }, { 0x09E2, 0x09E3 }, { 0x09FE, 0x0A02 },
	{ 0x0A3C, 0x0A3C }, { 0x0A41, 0x0A51 }, { 0x0A70, 0x0A71 }, { 0x0A75, 0x0A75 },
	{ 0x0A81, 0x0A82 }, { 0x0ABC, 0x0ABC }, { 0x0AC1, 0x0AC8 }, { 0x0ACD, 0x0ACD },
	{ 0x0AE2, 0x0AE3 }, { 0x0AFA, 0x0B01 }, { 0x0B3C, 0x0B3C }, { 0x0B3F, 0x0B3F },
	{ 0x0B41, 0x0B44 }, { 0x0B4D, 0x0B56 }, { 0x0B62, 0x0B63 }, { 0x0B82, 0x0B82 },
	{ 0x0BC0, 0x0BC0 }, { 0x0BCD, 0x0BCD }, { 0x0C00, 0x0C00 }, { 0x0C04, 0x0C04 },
	{ 0x0C3C, 0x0C3C }, { 0x0C3E, 0x0C40 }, { 0x0C46, 0x0C56 }, { 0x0C62, 0x0C63 },
	{ 0x0C81, 0x0C81 }, { 0x0CBC, 0x0CBC }, { 0x0CBF, 0x0CBF }, { 0x0CC6, 0x0CC6 },
	{ 0x0CCC, 0x0CCD }, { 0x0CE2, 0x0CE3 }, { 0x0D00, 0x0D01 }, { 0x0D3B, 0x0D3C },
	{ 0x0D41, 0x0D44 }, { 0x0D4D, 0x0D4D }, { 0x0D62, 0x0D63 }, { 0x0D81, 0x0D81 },
	{ 0x0DCA, 0x0DCA }, { 0x0DD2, 0x0DD6 }, { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A },
	{ 0x0E47, 0x0E4E }, { 0x0EB1, 0x0EB1 }, { 0x0EB4, 0x0EBC }, { 0x0EC8, 0x0ECD },
	{ 0x0F18, 0x0F19 }, { 0x0F35, 0x0F35 }, { 0x0F37, 0x0F37 }, { 0x0F39, 0x0F39 },
	{ 0x0F71, 0x0F7E }, { 0x0F80, 0x0F84 }, { 0x0F86, 0x0F87 }, { 0x0F8D, 0x0FBC },
	{ 0x0FC6, 0x0FC6 }, { 0x102D, 0x1030 }, { 0x1032, 0x1037 }, { 0x1039, 0x103A },
	{ 0x103D, 0x103E }, { 0x1058, 0x1059 }, { 0x105E, 0x1060 }, { 0x1071, 0x1074 },
	{ 0x1082, 0x1082 }, { 0x1085, 0x1086 }, { 0x108D, 0x108D }, { 0x109D, 0x109D },
	{ 0x1160, 0x11FF }, { 0x135D, 0x135F }, { 0x1712, 0x1714 }, { 0x1732, 0x1733 },
	{ 0x1752, 0x1753 }, { 0x1772, 0x1773 }, { 0x17B4, 0x17B5 }, { 0x17B7, 0x17BD },
	{ 0x17C6, 0x17C6 }, { 0x17C9, 0x17D3 }, { 0x17DD, 0x17DD }, { 0x180B, 0x180F },
	{ 0x1885, 0x1886 }, { 0x18A9, 0x18A9 }, { 0x1920, 0x1922 }, { 0x1927, 0x1928 },
	{ 0x1932, 0x1932 }, { 0x1939, 0x193B }, { 0x1A17, 0x1A18 }, { 0x1A1B, 0x1A1B },
	{ 0x1A56, 0x1A56 }, { 0x1A58, 0x1A60 }, { 0x1A62, 0x1A62 }, { 0x1A65, 0x1A6C },
	{ 0x1A73, 0x1A7F }, { 0x1AB0, 0x1B03 }, { 0x1B34, 0x1B34 }, { 0x1B36, 0x1B3A },
	{ 0x1B3C, 0x1B3C }, { 0x1B42, 0x1B42 }, { 0x1B6B, 0x1B73 }, { 0x1B80, 0x1B81 },
	{ 0x1BA2, 0x1BA5 }, { 0x1BA8, 0x1BA9 }, { 0x1BAB, 0x1BAD }, { 0x1BE6, 0x1BE6 },
	{ 0x1BE8, 0x1BE9 }, { 0x1BED, 0x1BED }, { 0x1BEF, 0x1BF1 }, { 0x1C2C, 0x1C33 },
	{ 0x1C36, 0x1C37 }, { 0x1CD0, 0x1CD2 }, { 0x1CD4, 0x1CE0 }, { 0x1CE2, 0x1CE8 },
	{ 0x1CED, 0x1CED }, { 0x1CF4, 0x1CF4 }, { 0x1CF8, 0x1CF9 }, { 0x1DC0, 0x1DFF },
	{ 0x200B, 0x200F }, { 0x2060, 0x2064 }, { 0x206A, 0x206F }, { 0x20D0, 0x20FF },
	{ 0x2CEF, 0x2CF1 }, { 0x2D7F, 0x2D7F }, { 0x2DE0, 0x2DFF }, { 0x302A, 0x302D },
	{ 0x3099, 0x309A }, { 0xA66F, 0xA672 }, { 0xA674, 0xA67D }, { 0xA69E, 0xA69F },
	{ 0xA6F0, 0xA6F1 }, { 0xA802, 0xA802 }, { 0xA806, 0xA806 }, { 0xA80B, 0xA80B },
	{ 0xA825, 0xA826 }, { 0xA82C, 0xA82C }, { 0xA8C4, 0xA8C5 }, { 0xA8E0, 0xA8F1 },
	{ 0xA8FF, 0xA8FF }, { 0xA926, 0xA92D }, { 0xA947, 0xA951 }, { 0xA980, 0xA982 },
	{ 0xA9B3, 0xA9B3 }, { 0xA9B6, 0xA9B9 }, { 0xA9BC, 0xA9BD }, { 0xA9E5, 0xA9E5 },
	{ 0xAA29, 0xAA2E }, { 0xAA31, 0xAA32 }, { 0xAA35, 0xAA36 }, { 0xAA43, 0xAA43 },
	{ 0xAA4C, 0xAA4C }, { 0xAA7C, 0xAA7C }, { 0xAAB0, 0xAAB0 }, { 0xAAB2, 0xAAB4 },
	{ 0xAAB7, 0xAAB8 }, { 0xAABE, 0xAABF }, { 0xAAC1, 0xAAC1 }, { 0xAAEC, 0xAAED },
	{ 0xAAF6, 0xAAF6 }, { 0xABE5, 0xABE5 }, { 0xABE8, 0xABE8 }, { 0xABED, 0xABED },
	{ 0xD7B0, 0xD7FF }, { 0xFB1E, 0xFB1E }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F },
	{ 0xFEFF, 0xFEFF }, { 0xFFF9, 0xFFFB }, { 0x101FD, 0x101FD },
	{ 0x102E0, 0x102E0 }, { 0x10376, 0x1037A }, { 0x10A01, 0x10A0F },
	{ 0x10A38, 0x10A3F }, { 0x10AE5, 0x10AE6 }, { 0x10D24, 0x10D27 },
	{ 0x10EAB, 0x10EAC }, { 0x10F46, 0x10F50 }, { 0x10F82, 0x10F85 },
	{ 0x11001, 0x11001 }, { 0x11038, 0x11046 }, { 0x11070, 0x11070 },
	{ 0x11073, 0x11074 }, { 0x1107F, 0x11081 }, { 0x110B3, 0x110B6 },
	{ 0x110B9, 0x110BA }, { 0x110C2, 0x110C2 }, { 0x11100, 0x11102 },
	{ 0x11127, 0x1112B }, { 0x1112D, 0x11134 }, { 0x11173, 0x11173 },
	{ 0x11180, 0x11181 }, { 0x111B6, 0x111BE }, { 0x111C9, 0x111CC },
	{ 0x111CF, 0x111CF }, { 0x1122F, 0x11231 }, { 0x11234, 0x11234 },
	{ 0x11236, 0x11237 }, { 0x1123E, 0x1123E }, { 0x112DF, 0x112DF },
	{ 0x112E3, 0x112EA }, { 0x11300, 0x11301 }, { 0x1133B, 0x1133C },
	{ 0x11340, 0x11340 }, { 0x11366, 0x11374 }, { 0x11438, 0x1143F },
	{ 0x11442, 0x11444 }, { 0x11446, 0x11446 }, { 0x1145E, 0x1145E },
	{ 0x114B3, 0x114B8 }, { 0x114BA, 0x114BA }, { 0x114BF, 0x114C0 },
	{ 0x114C2, 0x114C3 }, { 0x115B2, 0x115B5 }, { 0x115BC, 0x115BD },
	{ 0x115BF, 0x115C0 }, { 0x115DC, 0x115DD }, { 0x11633, 0x1163A },
	{ 0x1163D, 0x1163D }, { 0x1163F, 0x11640 }, { 0x116AB, 0x116AB },
	{ 0x116AD, 0x116AD }, { 0x116B0, 0x116B5 }, { 0x116B7, 0x116B7 },
	{ 0x1171D, 0x1171F }, { 0x11722, 0x11725 }, { 0x11727, 0x1172B },
	{ 0x1182F, 0x11837 }, { 0x11839, 0x1183A }, { 0x1193B, 0x1193C },
	{ 0x1193E, 0x1193E }, { 0x11943, 0x11943 }, { 0x119D4, 0x119DB },
	{ 0x119E0, 0x119E0 }, { 0x11A01, 0x11A0A }, { 0x11A33, 0x11A38 },
	{ 0x11A3B, 0x11A3E }, { 0x11A47, 0x11A47 }, { 0x11A51, 0x11A56 },
	{ 0x11A59, 0x11A5B }, { 0x11A8A, 0x11A96 }, { 0x11A98, 0x11A99 },
	{ 0x11C30, 0x11C3D }, { 0x11C3F, 0x11C3F }, { 0x11C92, 0x11CA7 },
	{ 0x11CAA, 0x11CB0 }, { 0x11CB2, 0x11CB3 }, { 0x11CB5, 0x11CB6 },
	{ 0x11D31, 0x11D45 }, { 0x11D47, 0x11D47 }, { 0x11D90, 0x11D91 },
	{ 0x11D95, 0x11D95 }, { 0x11D97, 0x11D97 }, { 0x11EF3, 0x11EF4 },
	{ 0x13430, 0x13438 }, { 0x16AF0, 0x16AF4 }, { 0x16B30, 0x16B36 },
	{ 0x16F4F, 0x16F4F }, { 0x16F8F, 0x16F92 }, { 0x16FE4, 0x16FE4 },
	{ 0x1BC9D, 0x1BC9E }, { 0x1BCA0, 0x1CF46 }, { 0x1D167, 0x1D169 },
	{ 0x1D173, 0x1D182 }, { 0x1D185, 0x1D18B }, { 0x1D1AA, 0x1D1AD },
	{ 0x1D242, 0x1D244 }, { 0x1DA00, 0x1DA36 }, { 0x1DA3B, 0x1DA6C },
	{ 0x1DA75, 0x1DA75 }, { 0x1DA84, 0x1DA84 }, { 0x1DA9B, 0x1DAAF },
	{ 0x1E000, 0x1E02A }, { 0x1E130, 0x1E136 }, { 0x1E2AE, 0x1E2AE },
	{ 0x1E2EC, 0x1E2EF }, { 0x1E8D0, 0x1E8D6 }, { 0x1E944, 0x1E94A },
	{ 0x1F3FB, 0x1F3FF }, { 0xE0001, 0xE01EF },
};

/* Generated from Unicode 14.0: East_Asian_Width W and F (which covers the
 * emoji terminals draw in two cells), widened to the whole CJK and emoji
 * blocks so that characters newer than 14.0 there are wide too. Sorted,
 * non-overlapping. */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
	{ 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
	{ 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x4DBF }, { 0x4E00, 0xA4CF }, { 0xA960, 0xA97C }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6B }, { 0xFF00, 0xFF60 },
	{ 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x1B2FB }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F64F }, { 0x1F680, 0x1F6C5 }, { 0x1F6CC, 0x1F6CC },
	{ 0x1F6D0, 0x1F6D2 }, { 0x1F6D5, 0x1F6DF }, { 0x1F6EB, 0x1F6EC },
	{ 0x1F6F4, 0x1F6FC }, { 0x1F7E0, 0x1F7F0 }, { 0x1F900, 0x1F9FF },
	{ 0x1FA70, 0x1FAF6 }, { 0x20000, 0x3FFFD },
};

static bool in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Zero width is checked first because a few marks live inside wide blocks
 * (the kana voicing marks U+3099–309A, the ideographic tone marks, the skin
 * tone modifiers next to the emoji).
 */
int text_cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_table(cp, zero_width, NELEM(zero_width)))
		return 0;
	if (in_table(cp, wide, NELEM(wide)))
		return 2;
	return 1;
}

static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool text_cp_is_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp) ||
	       (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
}

static bool is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/*
 * The second byte's allowed range depends on the lead byte; checking it
 * there is what rules out overlongs (E0 80..9F, F0 80..8F), surrogates
 * (ED A0..BF) and code points above U+10FFFF (F4 90.., F5..FF).
 */
size_t text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char lo = 0x80, hi = 0xBF;
	size_t need;
	uint32_t v;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		need = 2;
		v = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		need = 3;
		v = u[0] & 0x0F;
		if (u[0] == 0xE0)
			lo = 0xA0;
		else if (u[0] == 0xED)
			hi = 0x9F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		need = 4;
		v = u[0] & 0x07;
		if (u[0] == 0xF0)
			lo = 0x90;
		else if (u[0] == 0xF4)
			hi = 0x8F;
	} else {
		goto bad;
	}
	if (len < need || u[1] < lo || u[1] > hi)
		goto bad;
	for (size_t i = 1; i < need; i++) {
		if (!is_cont(u[i]))
			goto bad;
		v = (v << 6) | (u[i] & 0x3F);
	}
	*cp = v;
	return need;
bad:
	*cp = TEXT_REPLACEMENT;
	return 1;
}

size_t text_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/*
 * One pass over raw input yielding the code points of its sanitised form.
 * text_width, text_sanitize and text_fit all read through this, so what is
 * measured is exactly what is printed.
 */
typedef struct {
	const char *p, *end;
	unsigned flags;
	bool line_start;   /* no base yet on this line: a mark needs ◌ */
	uint32_t pending;  /* the mark to give after its ◌, or 0 */
} san_iter;

static void san_init(san_iter *it, const char *s, unsigned flags)
{
	if (!s)
		s = "";
	it->p = s;
	it->end = s + strlen(s);
	it->flags = flags;
	it->line_start = true;
	it->pending = 0;
}

static bool san_next(san_iter *it, uint32_t *out)
{
	uint32_t cp;

	if (it->pending) {
		*out = it->pending;
		it->pending = 0;
		return true;
	}
	if (it->p >= it->end)
		return false;
	it->p += text_decode(it->p, (size_t)(it->end - it->p), &cp);

	if (cp == '\r' && (it->flags & TEXT_KEEP_NEWLINES) &&
	    it->p < it->end && *it->p == '\n') {
		it->p++;
		cp = '\n';
	}
	if (cp == '\n' && (it->flags & TEXT_KEEP_NEWLINES)) {
		it->line_start = true;
		*out = '\n';
		return true;
	}
	if (cp == '\t' && (it->flags & TEXT_TABS_TO_SPACE))
		cp = ' ';
	else if (cp == '\n')
		cp = 0x2424;   /* ␤ reads as "newline" better than ␊ */
	else if (cp < 0x20)
		cp = 0x2400 + cp;
	else if (cp == 0x7F)
		cp = 0x2421;
	else if (text_cp_is_unsafe(cp))
		cp = TEXT_REPLACEMENT;

	if (text_cp_width(cp) == 0) {
		if (it->line_start) {
			it->line_start = false;
			it->pending = cp;
			cp = TEXT_DOTTED_CIRCLE;
		}
	} else {
		it->line_start = false;
	}
	*out = cp;
	return true;
}

/* okr_buf_take leaves b as a fresh empty buffer, which is freed here. */
static char *buf_finish(okr_buf *b)
{
	char *s = okr_buf_take(b);
	okr_buf_free(b);
	return s;
}

static void buf_add_cp(okr_buf *b, uint32_t cp)
{
	char tmp[4];
	okr_buf_addn(b, tmp, text_encode(cp, tmp));
}

char *text_sanitize_flags(const char *s, unsigned flags)
{
	san_iter it;
	okr_buf b;
	uint32_t cp;

	okr_buf_init(&b);
	san_init(&it, s, flags);
	while (san_next(&it, &cp))
		buf_add_cp(&b, cp);
	return buf_finish(&b);
}

char *text_sanitize(const char *s)
{
	return text_sanitize_flags(s, 0);
}

int text_width(const char *s)
{
	san_iter it;
	uint32_t cp;
	int w = 0;

	san_init(&it, s, 0);
	while (san_next(&it, &cp))
		w += text_cp_width(cp);
	return w;
}

int text_width_n(const char *s, size_t n)
{
	const char *end = s + n;
	uint32_t cp;
	int w = 0;

	while (s < end) {
		s += text_decode(s, (size_t)(end - s), &cp);
		w += text_cp_width(cp);
	}
	return w;
}

/* The end of the cluster starting at p, its width and its first code point. */
static const char *cluster_end(const char *p, const char *end, int *width, uint32_t *base)
{
	uint32_t cp;

	p += text_decode(p, (size_t)(end - p), &cp);
	*width = text_cp_width(cp);
	if (base)
		*base = cp;
	while (p < end) {
		uint32_t mark;
		size_t n = text_decode(p, (size_t)(end - p), &mark);
		if (text_cp_width(mark) != 0)
			break;
		p += n;
	}
	return p;
}

/*
 * Clusters are appended whole while they fit in cols - 1, keeping one column
 * for the ellipsis; only once the whole string is known not to fit is the
 * ellipsis used, so a string of exactly cols columns is kept intact.
 */
char *text_fit(const char *s, int cols, int *width_out)
{
	char *clean = text_sanitize(s);
	int total = text_width_n(clean, strlen(clean));

	if (cols <= 0) {
		free(clean);
		clean = okr_xstrdup("");
		total = 0;
	} else if (total > cols) {
		const char *p = clean, *end = clean + strlen(clean);
		const char *keep = clean;
		int w = 0;

		while (p < end) {
			int cw;
			const char *q = cluster_end(p, end, &cw, NULL);
			if (w + cw > cols - 1)
				break;
			w += cw;
			p = keep = q;
		}
		okr_buf b;
		okr_buf_init(&b);
		okr_buf_addn(&b, clean, (size_t)(keep - clean));
		buf_add_cp(&b, TEXT_ELLIPSIS);
		free(clean);
		clean = buf_finish(&b);
		total = w + 1;
	}
	if (width_out)
		*width_out = total;
	return clean;
}

char *text_pad(const char *s, int cols, int align)
{
	int w;
	char *fit = text_fit(s, cols, &w);
	int gap = cols > w ? cols - w : 0;
	int left = align == TEXT_ALIGN_RIGHT ? gap :
	           align == TEXT_ALIGN_CENTER ? gap / 2 : 0;
	okr_buf b;

	okr_buf_init(&b);
	for (int i = 0; i < left; i++)
		okr_buf_addc(&b, ' ');
	okr_buf_add(&b, fit);
	for (int i = left; i < gap; i++)
		okr_buf_addc(&b, ' ');
	free(fit);
	return buf_finish(&b);
}

/* Wrapping ------------------------------------------------------------- */

typedef struct {
	size_t start, end;  /* byte offsets into the sanitised text */
	int width;
	bool space, wide;
} cluster;

typedef struct {
	char **v;
	size_t n, cap;
} line_list;

static void lines_push(line_list *l, const char *s, size_t n)
{
	char *copy = okr_xmalloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	okr_xgrow(&l->v, &l->cap, l->n + 2, sizeof(char *));
	l->v[l->n++] = copy;
	l->v[l->n] = NULL;
}

/* Split one line of text (no newline in it) into clusters. */
static size_t split_clusters(const char *s, size_t len, cluster **out, size_t *cap)
{
	size_t n = 0, i = 0;

	while (i < len) {
		uint32_t cp;
		int w;
		size_t start = i;
		i = (size_t)(cluster_end(s + i, s + len, &w, &cp) - s);
		okr_xgrow(out, cap, n + 1, sizeof(cluster));
		(*out)[n++] = (cluster){ start, i, w, cp == ' ', w == 2 };
	}
	return n;
}

static void emit(line_list *l, const char *s, const cluster *c, size_t from, size_t to,
                 int cols)
{
	while (to > from && c[to - 1].space)
		to--;
	if (to == from + 1 && c[from].width > cols) {
		char tmp[4];
		lines_push(l, tmp, text_encode(TEXT_ELLIPSIS, tmp));
		return;
	}
	lines_push(l, s + (to > from ? c[from].start : 0),
	           to > from ? c[to - 1].end - c[from].start : 0);
}

/*
 * Greedy: fill the line cluster by cluster remembering the last place a
 * break is allowed (at a space, or on either side of a wide character);
 * on overflow break there, or hard-break before the cluster that overflowed.
 * Spaces at a break are dropped; a paragraph's own indentation is kept.
 */
static void wrap_paragraph(line_list *l, const char *s, const cluster *c, size_t n,
                           int cols)
{
	size_t i = 0;

	if (n == 0) {
		lines_push(l, "", 0);
		return;
	}
	while (i < n) {
		size_t j = i, brk_end = 0, brk_next = 0;
		bool have_brk = false, content = false;
		int w = 0;

		while (j < n && w + c[j].width <= cols) {
			if (c[j].space && content) {
				brk_end = j;
				brk_next = j + 1;
				have_brk = true;
			} else if (j > i && (c[j].wide || c[j - 1].wide) && !c[j - 1].space) {
				brk_end = brk_next = j;
				have_brk = true;
			}
			content = content || !c[j].space;
			w += c[j].width;
			j++;
		}
		if (j == n) {
			emit(l, s, c, i, n, cols);
			return;
		}
		if (c[j].space || (j > i && (c[j].wide || c[j - 1].wide))) {
			emit(l, s, c, i, j, cols);
			i = j;
		} else if (have_brk) {
			emit(l, s, c, i, brk_end, cols);
			i = brk_next;
		} else {
			if (j == i)
				j++;    /* one cluster wider than the line */
			emit(l, s, c, i, j, cols);
			i = j;
		}
		while (i < n && c[i].space)
			i++;
	}
}

size_t text_wrap(const char *s, int cols, char ***lines)
{
	line_list l = { NULL, 0, 0 };
	cluster *c = NULL;
	size_t ccap = 0;
	char *clean;

	*lines = NULL;
	if (cols <= 0)
		return 0;
	clean = text_sanitize_flags(s, TEXT_KEEP_NEWLINES | TEXT_TABS_TO_SPACE);
	for (const char *p = clean; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t n = split_clusters(p, len, &c, &ccap);
		wrap_paragraph(&l, p, c, n, cols);
		p += len + (nl ? 1 : 0);
	}
	free(c);
	free(clean);
	*lines = l.v;
	return l.n;
}

void text_lines_free(char **lines, size_t n)
{
	if (!lines)
		return;
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
