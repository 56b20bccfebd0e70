;redcode-94
;name Scanner
;author codearena
;strategy A CMP scanner: compares two cells 4 apart, 8 cells further each time, around the
;strategy core. Where they differ there is code: both cells get an SPL 0 bomb, which sets the
;strategy victim's processes spinning. After one lap a DAT core clear kills the spinners; it
;strategy stops short of the scanner's own code, which then waits.
;assert CORESIZE == 8000

STEP    equ     8
GAP     equ     4
FIRST   equ     20

        org     scan
scan    add.f   incr, comp
comp    sne.i   FIRST, FIRST+GAP                ; different? then skip the loop jump
loop    djn.b   scan, #(CORESIZE-2*FIRST)/STEP
        jmz.b   clear, loop                     ; lap finished: clear the core
        mov.i   spin, *comp                     ; found something: stun both cells
        mov.i   spin, @comp
        jmp     scan
clear   mov.i   kill, >ptr
        djn.b   clear, #CORESIZE-FIRST-(ptr-scan)   ; every cell but our own
        jmp     0
spin    spl     #0, #0
incr    dat     #STEP, #STEP
kill    dat     #0, #0
ptr     dat     #0, #FIRST
        end
