;redcode-94
;name Imp
;author A. K. Dewdney (1984)
;strategy The first warrior: one instruction that copies itself to the next cell, then runs
;strategy there. Hard to kill (DAT bombs ahead of it get overwritten) but it never kills
;strategy anything: it turns its victims into imps. Expect ties.
;assert CORESIZE >= 2

imp     mov.i   0, 1
        end     imp
