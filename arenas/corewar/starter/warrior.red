;redcode-94
;name Stone and Imp
;author codearena starter
;strategy Two warriors in one. A stone bombs every fourth cell with DAT (its step, 3044, is a
;strategy multiple of 4, so it never bombs its own code), running on many processes (SPL 0)
;strategy so that one hit does not stop it. An imp (MOV 0, 1) crawls through the core: it is
;strategy hard to kill, so battles the stone cannot win often end in a tie instead of a loss.
;assert CORESIZE == 8000

step    equ     3044

        org     start
start   spl     imp             ; one process becomes the imp, the other the stone
stone   spl     0               ; the stone's processes multiply, all running the loop
loop    add.ab  #step, bomb     ; aim 3044 cells further
        mov.i   bomb, @bomb     ; drop the bomb there
        jmp     loop
bomb    dat     #0, #0
imp     mov.i   0, 1

        end
