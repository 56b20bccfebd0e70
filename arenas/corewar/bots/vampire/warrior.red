;redcode-94
;name Vampire
;author codearena
;strategy A vampire: instead of bombs it throws fangs, JMPs that send whatever process runs
;strategy them into its pit, where they split and loop and eat their own warrior's cycles.
;strategy It splits first (SPL 0), so many processes throw fangs; after 1500 fangs it turns
;strategy the pit into a DAT, which kills every captured process at once, then clears the
;strategy rest of the core with DATs, stopping short of its own code. The step, 3188, is one
;strategy whose first 1500 multiples miss every cell of its own code.
;assert CORESIZE == 8000

STEP    equ     3188
COUNT   equ     1500

        org     start
start   spl     0                               ; more processes, all fanging
vamp    add.f   incr, fang
        mov.i   fang, @fang
        djn.b   vamp, #COUNT
        mov.i   kill, pit                       ; the pit dies: so does everything caught in it
clear   mov.i   kill, >ptr
        djn.b   clear, #CORESIZE-(ptr-start)-1  ; every cell but our own
        jmp     0
pit     spl     #0, #0
        jmp     -1
fang    jmp     pit-fang, #0
incr    dat     #-STEP, #STEP
kill    dat     #0, #0
ptr     dat     #0, #1
        end
