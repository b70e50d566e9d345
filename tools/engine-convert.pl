#!/usr/bin/perl
# engine-convert.pl — rewrite store code from sqlite3_* calls to the engine
# seam of src/store/engine.h, in place.  Idempotent: code already converted
# is left as it is, so it can be run again over files merged in from
# branches written against sqlite3 directly.
#
#   perl tools/engine-convert.pl src/store/*.c src/store/*.h
#
# What it cannot do by pattern is left for a person and reported on stderr
# with the file and line: sqlite3_last_insert_rowid (say RETURNING id and
# read it with db_step_id), INSERT OR IGNORE / OR REPLACE, scalar MAX(a, b)
# and MIN(a, b), and any sqlite3_* or SQLITE_* name it does not know.
use strict;
use warnings;

my $args = qr/(\((?:[^()]++|(?-1))*\))/;   # a balanced argument list

# Split a balanced "(a, b(c, d), e)" into its top-level arguments.
sub split_args {
	my ($list) = @_;
	$list =~ s/^\(//;
	$list =~ s/\)$//;
	my (@out, $depth, $cur);
	($depth, $cur) = (0, '');
	my $in_str = 0;
	for my $ch (split //, $list) {
		if ($in_str) {
			$cur .= $ch;
			$in_str = 0 if $ch eq '"' && $cur !~ /\\"$/;
			next;
		}
		if ($ch eq '"') { $in_str = 1; $cur .= $ch; next; }
		$depth++ if $ch eq '(';
		$depth-- if $ch eq ')';
		if ($ch eq ',' && $depth == 0) { push @out, $cur; $cur = ''; next; }
		$cur .= $ch;
	}
	push @out, $cur;
	s/^\s+|\s+$//g for @out;
	return @out;
}

sub bind_text {
	my @a = split_args($_[0]);
	return "sqlite3_bind_text$_[0]" if @a != 5;
	my $fn = $a[4] eq 'SQLITE_STATIC' ? 'db_bind_text_static' : 'db_bind_text';
	return "$fn($a[0], $a[1], $a[2], $a[3])";
}

sub bind_blob {
	my @a = split_args($_[0]);
	return "sqlite3_bind_blob64$_[0]" if @a != 5 || $a[4] ne 'free';
	return "db_bind_blob_free($a[0], $a[1], $a[2], $a[3])";
}

sub exec_call {
	my @a = split_args($_[0]);
	return "sqlite3_exec$_[0]" if @a != 5 || "$a[2]$a[3]$a[4]" ne 'NULLNULLNULL';
	return "db_exec($a[0], $a[1])";
}

sub prepare_call {
	my ($fn, $list) = @_;
	my @a = split_args($list);
	if ($fn eq 'v2' && @a == 5 && $a[2] eq '-1' && $a[4] eq 'NULL') {
		return "db_prepare($a[0], $a[1], $a[3])";
	}
	if ($fn eq 'v3' && @a == 6 && $a[2] eq '-1' && $a[3] eq 'SQLITE_PREPARE_PERSISTENT' && $a[5] eq 'NULL') {
		return "db_prepare_persistent($a[0], $a[1], $a[4])";
	}
	return "sqlite3_prepare_$fn$list";
}

my %plain = (
	sqlite3_bind_int64 => 'db_bind_int64', sqlite3_bind_int => 'db_bind_int64',
	sqlite3_bind_double => 'db_bind_double', sqlite3_bind_null => 'db_bind_null',
	sqlite3_step => 'db_step', sqlite3_reset => 'db_reset', sqlite3_finalize => 'db_finalize',
	sqlite3_clear_bindings => 'db_clear_bindings',
	sqlite3_column_int64 => 'db_column_int64', sqlite3_column_int => 'db_column_int',
	sqlite3_column_double => 'db_column_double', sqlite3_column_text => 'db_column_text',
	sqlite3_column_blob => 'db_column_blob', sqlite3_column_bytes => 'db_column_bytes',
	sqlite3_column_type => 'db_column_type', sqlite3_column_count => 'db_column_count',
	sqlite3_changes => 'db_changes', sqlite3_errmsg => 'db_errmsg', sqlite3_errstr => 'db_errstr',
	sqlite3_errcode => 'db_errcode', sqlite3_extended_errcode => 'db_errcode',
	sqlite3_busy_handler => 'db_busy_handler', sqlite3_close => 'db_close', sqlite3_close_v2 => 'db_close',
);
my %codes = (
	SQLITE_OK => 'DB_OK', SQLITE_ROW => 'DB_ROW', SQLITE_DONE => 'DB_DONE', SQLITE_NULL => 'DB_NULL',
	SQLITE_INTEGER => 'DB_INTEGER', SQLITE_FLOAT => 'DB_FLOAT', SQLITE_TEXT => 'DB_TEXT',
	SQLITE_BLOB => 'DB_BLOB',
	SQLITE_BUSY => 'DB_E_BUSY', SQLITE_LOCKED => 'DB_E_BUSY', SQLITE_FULL => 'DB_E_FULL',
	SQLITE_READONLY_DBMOVED => 'DB_E_MOVED', SQLITE_READONLY => 'DB_E_READONLY',
	SQLITE_CORRUPT => 'DB_E_CORRUPT', SQLITE_NOTADB => 'DB_E_CORRUPT',
	SQLITE_IOERR_SHORT_READ => 'DB_E_SHORT_READ', SQLITE_IOERR => 'DB_E_IO',
	SQLITE_CANTOPEN => 'DB_E_CANTOPEN', SQLITE_PERM => 'DB_E_PERM', SQLITE_AUTH => 'DB_E_PERM',
	SQLITE_NOMEM => 'DB_E_NOMEM', SQLITE_ERROR => 'DB_E_ERROR',
);

# sqlite3_last_insert_rowid(s->db) after "int rc = db_step(st);" of a
# statement from store_prepare: the INSERT says RETURNING id and is stepped
# with db_step_id.  Anything else is left (and reported) for a person.
sub returning_ids {
	my ($src) = @_;
	while ($src =~ /\bsqlite3_last_insert_rowid\(\s*s->db\s*\)/g) {
		my ($at, $len) = ($-[0], $+[0] - $-[0]);
		my $before = substr($src, 0, $at);
		my $step = rindex($before, "int rc = db_step(st);");
		last if $step < 0;
		my $prep = rindex($before, "store_prepare(s,", $step);
		last if $prep < 0;
		my $end = index($before, "\");", $prep);
		last if $end < 0 || $end > $step;
		my $sql = substr($before, $prep, $end - $prep);
		last if $sql !~ /INSERT/ || $sql =~ /RETURNING/;
		substr($src, $at, $len) = "new_id";
		substr($src, $step, length "int rc = db_step(st);") =
			"int64_t new_id;\n\tint rc = db_step_id(st, &new_id);";
		substr($src, $end, 0) = " RETURNING id";
		pos($src) = 0;
	}
	return $src;
}

for my $file (@ARGV) {
	open my $in, '<', $file or die "$file: $!\n";
	local $/;
	my $src = <$in>;
	close $in;
	my $was = $src;

	$src =~ s/#include <sqlite3\.h>/#include "engine.h"/g;
	$src =~ s/\bsqlite3_bind_text$args/bind_text($1)/ge;
	$src =~ s/\bsqlite3_bind_blob64$args/bind_blob($1)/ge;
	$src =~ s/\bsqlite3_exec$args/exec_call($1)/ge;
	$src =~ s/\bsqlite3_prepare_(v2|v3)$args/prepare_call($1, $2)/ge;
	$src =~ s/\b(sqlite3_[a-z0-9_]+)(?=\s*\()/exists $plain{$1} ? $plain{$1} : $1/ge;
	$src =~ s/\bsqlite3_stmt\b/db_stmt/g;
	$src =~ s/\bsqlite3_int64\b/int64_t/g;
	$src =~ s/\bsqlite3\s*\*/db_conn */g;
	# Classes, not SQLite's numbers: the low byte is already the class.
	$src =~ s/\(\s*(\w+(?:->\w+)?)\s*&\s*0xff\s*\)/$1/g;
	$src =~ s/\b(SQLITE_[A-Z0-9_]+)\b/exists $codes{$1} ? $codes{$1} : $1/ge;
	# Text columns are char, not SQLite's unsigned char.
	$src =~ s/const unsigned char(\s*\*\s*\w+\s*=\s*db_column_text\b)/const char$1/g;
	$src =~ s/\(const char \*\)\s*(db_column_text\b)/$1/g;
	$src = returning_ids($src);
	# Portable spellings inside the SQL text.
	$src =~ s/\bIFNULL\(/COALESCE(/gi;

	if ($src ne $was) {
		open my $out, '>', $file or die "$file: $!\n";
		print $out $src;
		close $out;
	}
	my $n = 0;
	for my $line (split /\n/, $src) {
		$n++;
		next if $line =~ m{^\s*(/?\*|//)};   # comments may name SQLite
		print STDERR "$file:$n: by hand: $&\n"
			while $line =~ /\bsqlite3_[a-z0-9_]+|\bSQLITE_[A-Z0-9_]+|(?i:INSERT OR (?:IGNORE|REPLACE)|\b(?:MAX|MIN)\(\s*[^()]*,)/g;
	}
}
